from django_tasks import task

from rekrut.portal import services


@task()
def portal_link_mail_send(email: str, next_path: str = "") -> bool:
    """The sign-in page queues this for every request, known address or not, so both answer alike."""
    return services.portal_link_send(email=email, next_path=next_path)

from django_tasks import task

from rekrut.portal import services


@task()
def portal_link_mail_send(email: str, next_path: str = "", request_key: str = "") -> bool:
    """The sign-in page queues this for every request, known address or not, so both answer alike; run
    twice (a worker killed mid-way), it sends one link."""
    return services.portal_link_send(email=email, next_path=next_path, request_key=request_key)

from django_tasks import task

from rekrut.accounts import services


@task()
def password_reset_mail_send(email: str, language: str) -> int:
    """The page queues this for every request, known address or not, so both answer alike."""
    return services.password_reset_mail_queue(email=email, language=language)

from django_tasks import task

from rekrut.notifications import services


@task()
def outbox_deliver(message_id: int) -> bool:
    return services.message_send(message_id=message_id)

"""`{% load worker %}{% worker_warning %}`: a note on pages whose progress needs the background worker."""

from django import template

from rekrut.notifications.selectors import worker_is_running

register = template.Library()


@register.inclusion_tag("notifications/_worker_warning.html")
def worker_warning() -> dict:
    return {"worker_running": worker_is_running()}

from django.http import HttpRequest

from rekrut.accounts.demo_install import demo_install_is


def demo_banner(request: HttpRequest) -> dict[str, object]:
    """`demo_install` for base.html's banner. A callable: templates call it only where they show it, so
    HTMX partials and e-mails never ask."""
    return {"demo_install": demo_install_is}

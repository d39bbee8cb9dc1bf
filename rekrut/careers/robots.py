"""/robots.txt: search engines may read the careers site (and find every job page through the sitemap),
and nothing else. The closed areas are read from the URL configuration, so a new staff or candidate area is
kept out of search results without anyone remembering to add it here."""

from functools import cache

from django.http import HttpRequest, HttpResponse
from django.urls import URLResolver, get_resolver
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from rekrut.core.site import absolute_url

# The only public addresses at the top of the site. "" is the root (it sends visitors to the staff sign-in);
# jsi18n/ is the translations script a page may need to render.
PUBLIC = frozenset({"", "careers", "sitemap.xml", "robots.txt", "jsi18n"})
CACHE_SECONDS = 60 * 60 * 24


def _routes(patterns: list, prefix: str = "") -> list[str]:
    """Every route as written, a nameless top-level include (the desk's pages, /privacy/...) opened up."""
    found = []
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver) and not str(pattern.pattern):
            found += _routes(pattern.url_patterns, route)
        else:
            found.append(route)
    return found


@cache
def closed_prefixes() -> tuple[str, ...]:
    """The first part of every address outside PUBLIC: "/portal/", "/api/", "/admin/", "/scheduling/"..."""
    prefixes = set()
    for route in _routes(get_resolver().url_patterns):
        first, slash, _rest = route.lstrip("^").partition("/")
        if first not in PUBLIC:
            prefixes.add(f"/{first}{slash}")
    # "/healthz" already covers "/healthz/".
    return tuple(sorted(p for p in prefixes if not (p.endswith("/") and p[:-1] in prefixes)))


def robots_text() -> str:
    lines = ["User-agent: *", "Allow: /careers/"]
    lines += [f"Disallow: {prefix}" for prefix in closed_prefixes()]
    lines += ["", f"Sitemap: {absolute_url('sitemap')}", ""]
    return "\n".join(lines)


@require_safe  # GET and HEAD
@cache_control(public=True, max_age=CACHE_SECONDS)
def robots_txt(request: HttpRequest) -> HttpResponse:
    return HttpResponse(robots_text(), content_type="text/plain; charset=utf-8")

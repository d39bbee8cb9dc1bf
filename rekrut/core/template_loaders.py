"""Two template engines share the template folders: `.txt` templates are plain text, everything else HTML.

Plain-text templates (e-mail subjects and bodies, Django's password reset mail) must not be HTML-escaped,
or "Ma'ruf" and "R&D" arrive as "Ma&#x27;ruf" and "R&amp;D". settings.TEMPLATES gives the HTML engine the
HtmlLoader, which never finds a `.txt`, and a second engine with autoescape off the TextLoader, which finds
only `.txt`. Django's loader tries the engines in order, so every `render_to_string("….txt")` lands in the
text engine without anyone choosing it, and no HTML page can be rendered unescaped by mistake.
"""

from collections.abc import Iterator

from django.template import Origin
from django.template.loaders import cached

TEXT_SUFFIX = ".txt"


class TextLoader(cached.Loader):
    """The child loaders (filesystem, app directories), cached, restricted to plain-text templates."""

    def get_template_sources(self, template_name: str) -> Iterator[Origin]:
        if template_name.endswith(TEXT_SUFFIX):
            yield from super().get_template_sources(template_name)


class HtmlLoader(cached.Loader):
    """The child loaders, cached, for every template but the plain-text ones."""

    def get_template_sources(self, template_name: str) -> Iterator[Origin]:
        if not template_name.endswith(TEXT_SUFFIX):
            yield from super().get_template_sources(template_name)

"""Links stored without their scheme ("linkedin.com/in/putri") get https://: shown as they were, they
were links relative to Rekrut's own pages. The forms store the scheme from now on (rekrut.core.links);
this fixes what they stored before. Data only; a link that is not a web address stays as it was."""

from django import forms
from django.db import migrations

from rekrut.core.links import link_clean


def _with_scheme(link: str) -> str:
    if "://" in link:
        return link
    try:
        return link_clean(link)
    except forms.ValidationError:
        return link


def links_with_https(apps, schema_editor):
    Candidate = apps.get_model("candidates", "Candidate")
    for candidate in Candidate.objects.exclude(links=[]).only("pk", "links").iterator(chunk_size=500):
        fixed = list(dict.fromkeys(_with_scheme(str(link)) for link in candidate.links or []))
        if fixed != candidate.links:
            Candidate.objects.filter(pk=candidate.pk).update(links=fixed)


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0007_candidate_search_folded"),
    ]

    operations = [
        migrations.RunPython(links_with_https, migrations.RunPython.noop),
    ]

"""Bahasa Indonesia as a new user reads it: "Tugas saya", one word for password ("kata sandi"), no English
inside Indonesian labels, and Settings (the Django admin) in Indonesian down to its field names."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import translation
from lxml import html

from rekrut.accounts.models import Role
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

# Words Indonesian HR uses as they are in English: a label made only of these needs no other translation.
SAME_IN_BOTH = {
    "id",
    "interview",
    "status",
    "email",
    "e-mail",
    "worker",
    "user",
    "menu",
    "bahasa",
    "indonesia",
    # Indonesian HR writes it as it is (Talenta, Mekari and job boards do): a loanword, not a missed word.
    "onboarding",
    "logo",
}
LONE_SANDI = re.compile(r"(?<![Kk]ata )\b[Ss]andi\b")


def indonesian_client(user=None) -> Client:
    client = Client()
    client.cookies["rekrut_language"] = "id"
    if user is not None:
        client.force_login(user)
    return client


def visible_text(response) -> str:
    doc = html.fromstring(response.content.decode())
    for hidden in doc.xpath("//script|//style"):
        hidden.drop_tree()
    labels = doc.xpath("//@placeholder|//@title|//@aria-label|//input[@type='submit']/@value")
    return " ".join([doc.text_content(), *labels])


@pytest.fixture
def hr_admin():
    return UserFactory(username="sari", role=Role.HR_ADMIN, is_staff=True, is_superuser=True)


def test_my_work_is_called_tugas_saya(hr_admin):
    text = visible_text(indonesian_client(hr_admin).get(reverse("desk:my_work")))
    assert "Tugas saya" in text and "Pekerjaan saya" not in text


@pytest.mark.parametrize(
    "url",
    [
        reverse("accounts:login"),
        reverse("accounts:password_reset"),
        reverse("admin:password_change"),
        reverse("admin:accounts_user_add"),
    ],
)
def test_password_is_kata_sandi_everywhere(hr_admin, url):
    signed_in = url.startswith("/admin/")
    text = visible_text(indonesian_client(hr_admin if signed_in else None).get(url))
    assert "kata sandi" in text.lower(), text
    assert not LONE_SANDI.search(text), LONE_SANDI.findall(text)
    assert "password" not in text.lower()


def test_the_notice_period_is_worded_in_indonesian():
    with translation.override("id"):
        labels = [translation.gettext(m) for m in ("Notice period", "Notice period (days)")]
    assert labels == ["Masa pemberitahuan", "Masa pemberitahuan (hari)"]


def _is_indonesian(label: object) -> bool:
    with translation.override("en"):
        english = str(label)
    with translation.override("id"):
        indonesian = str(label)
    words = {w for w in re.split(r"[\s()/]+", english.lower()) if w and not w.isdigit()}
    return indonesian != english or words <= SAME_IN_BOTH


def _labels_of_settings() -> list[tuple[str, object]]:
    """Every name Settings shows: each registered model's names and its fields', and each app's."""
    labels: list[tuple[str, object]] = []
    for model in admin.site._registry:
        meta = model._meta
        labels += [(meta.label, meta.verbose_name), (meta.label, meta.verbose_name_plural)]
        labels.append((meta.app_label, meta.app_config.verbose_name))
        for field in [*meta.fields, *meta.many_to_many]:
            if field.name != "id" and model is not Group:
                labels.append((f"{meta.label}.{field.name}", field.verbose_name))
    return labels


def test_every_name_in_settings_has_its_indonesian(hr_admin):
    english = sorted(
        {f"{where}: {label}" for where, label in _labels_of_settings() if not _is_indonesian(label)}
    )
    assert not english, english


def test_the_settings_index_reads_in_indonesian(hr_admin):
    text = visible_text(indonesian_client(hr_admin).get(reverse("admin:index")))
    for english in ("Users", "Api tokens", "Task Results", "Tasks Database Backend", "Background tasks"):
        assert english not in text
    assert "Tugas latar belakang" in text and "Token API" in text


def test_the_rating_scale_is_named_in_both_languages():
    from rekrut.interviews.templatetags.rating_scale import rating_label

    with translation.override("id"):
        indonesian = [rating_label(level) for level in (1, 2, 3, 4, None)]
    with translation.override("en"):
        english = [rating_label(level) for level in (1, 2, 3, 4, None)]
    assert indonesian == [
        "1 · Di bawah harapan",
        "2 · Sebagian memenuhi harapan",
        "3 · Memenuhi harapan",
        "4 · Melampaui harapan",
        "Tidak dinilai",
    ]
    assert english == [
        "1 · Below expectations",
        "2 · Partly meets expectations",
        "3 · Meets expectations",
        "4 · Exceeds expectations",
        "Not assessed",
    ]

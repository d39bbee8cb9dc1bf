"""HR's own wording of Rekrut's messages: the registry, the checks on what HR writes, saving and resetting
(audited, with stale edits refused), and the outbox using it in the recipient's language."""

import pytest
from django.conf import settings
from django.utils import translation

from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.models import AuditEvent
from rekrut.notifications.models import MessageTemplate, OutboxMessage
from rekrut.notifications.purposes import purpose_get, purposes_all
from rekrut.notifications.services import message_queue
from rekrut.notifications.template_services import message_template_reset, message_template_save
from rekrut.notifications.wording import WordingInvalid, wording_check

REJECTED = "pipeline/email/rejected"
REJECTED_CONTEXT = {"candidate_name": "Putri Maharani", "job_title": "Staf Gudang", "company": "PT Maju"}
EXPECTED_PURPOSES = {
    "interviews/email/candidate_invited_hr",
    "interviews/email/candidate_invited_user",
    "interviews/email/candidate_invited",
    "interviews/email/candidate_rescheduled",
    "interviews/email/candidate_cancelled",
    "interviews/email/reminder_candidate",
    "interviews/email/reminder_scorecard",
    "interviews/whatsapp/reminder",
    "pipeline/email/rejected",
    "pipeline/email/stalled_digest",
    "intake/email/received",
    "notifications/whatsapp/greeting",
}


def save(
    actor,
    *,
    language="id",
    subject="Kabar lamaran {{ job_title }}",
    body="Halo {{ candidate_name }}.",
    version=0,
):
    return message_template_save(
        actor=actor, purpose=REJECTED, language=language, subject=subject, body=body, expected_version=version
    )


def test_every_purpose_is_registered_and_its_sample_has_every_variable():
    assert {purpose.key for purpose in purposes_all()} >= EXPECTED_PURPOSES
    for purpose in purposes_all():
        with translation.override("id"):
            sample = purpose.sample()
        assert set(sample) == set(purpose.variables), purpose.key
        assert all(isinstance(value, str) for value in sample.values())


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Halo {{ candidat_name }}", "{{ candidat_name }} is not a variable of this message"),
        ("Halo {{ candidate_name }", "The braces do not match"),
        ("Halo candidate_name }}", "The braces do not match"),
        ("{% if x %}Halo{% endif %}", "Template tags"),
        ("{% load i18n %}", "Template tags"),
        ("Halo {{ candidate.email }}", "is not a variable: write only a variable's name"),
        ("Halo {{ candidate_name|upper }}", "is not a variable: write only a variable's name"),
        ("Halo {{ }}", "is not a variable: write only a variable's name"),
    ],
)
def test_what_is_not_plain_text_and_variables_is_refused_by_name(text, said):
    with pytest.raises(WordingInvalid) as refused:
        wording_check(text, purpose_get(REJECTED))
    assert said in str(refused.value.message)


def test_the_unknown_variable_message_lists_the_variables():
    with pytest.raises(WordingInvalid) as refused:
        wording_check("{{ candidat_name }}", purpose_get(REJECTED))
    message = str(refused.value.message)
    assert "{{ candidate_name }}, {{ job_title }}, {{ company_name }}" in message


@pytest.mark.django_db
def test_saving_is_audited_and_a_stale_copy_is_refused(personas):
    row = save(personas.hr_admin)
    assert row.version == 1
    event = AuditEvent.objects.get(action="message_template.changed")
    assert (
        event.actor_id == personas.hr_admin.pk
        and event.changes["body"]["after"] == "Halo {{ candidate_name }}."
    )

    with pytest.raises(StaleEdit):  # a second admin still holds the never-saved copy
        save(personas.hr_admin, body="Yth. {{ candidate_name }}", version=0)
    assert MessageTemplate.objects.get().body == "Halo {{ candidate_name }}."

    row = save(personas.hr_admin, body="Yth. {{ candidate_name }}", version=1)
    assert row.version == 2 and AuditEvent.objects.filter(action="message_template.changed").count() == 2


@pytest.mark.django_db
def test_a_refused_text_changes_nothing(personas):
    with pytest.raises(DomainError):
        save(personas.hr_admin, body="Halo {{ nama }}")
    with pytest.raises(DomainError):
        save(personas.hr_admin, body="   ")
    with pytest.raises(DomainError):
        message_template_save(
            actor=personas.hr_admin,
            purpose=REJECTED,
            language="fr",
            subject="x",
            body="x",
            expected_version=0,
        )
    assert not MessageTemplate.objects.exists() and not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_only_hr_admins_change_templates(personas):
    with pytest.raises(AccessDenied):
        save(personas.recruiter)
    assert not MessageTemplate.objects.exists()


@pytest.mark.django_db
def test_reset_goes_back_to_the_default_audited_and_keeps_counting(personas):
    save(personas.hr_admin)
    row = message_template_reset(actor=personas.hr_admin, purpose=REJECTED, language="id", expected_version=1)
    assert not row.is_changed and row.version == 2
    assert AuditEvent.objects.filter(action="message_template.reset").count() == 1
    with pytest.raises(StaleEdit):  # an editor who loaded version 1 saves after the reset
        save(personas.hr_admin, body="Lama", version=1)


@pytest.mark.django_db
def test_the_outbox_uses_the_override_in_the_recipients_language_only(personas):
    save(personas.hr_admin, subject="Kabar lamaran {{ job_title }}", body="Halo {{ candidate_name }}, maaf.")
    indonesian = message_queue(
        key="r-id", to="a@example.com", template=REJECTED, context=REJECTED_CONTEXT, language="id"
    )
    english = message_queue(
        key="r-en", to="b@example.com", template=REJECTED, context=REJECTED_CONTEXT, language="en"
    )
    assert indonesian.subject == "Kabar lamaran Staf Gudang"
    assert indonesian.body.startswith("Halo Putri Maharani, maaf.\n\n")
    assert english.subject == "About your application"  # the file template: English was not changed
    assert english.body.startswith("Dear Putri Maharani,")


@pytest.mark.django_db
def test_hr_text_never_reaches_the_template_engine(personas):
    """A value that looks like a template stays text: the substitution is done once, by name."""
    save(personas.hr_admin, body="Halo {{ candidate_name }}")
    context = {**REJECTED_CONTEXT, "candidate_name": "{{ settings.SECRET_KEY }} {% debug %}"}
    message = message_queue(key="r", to="a@example.com", template=REJECTED, context=context, language="id")
    assert message.body.startswith("Halo {{ settings.SECRET_KEY }} {% debug %}")
    assert settings.SECRET_KEY not in message.body


@pytest.mark.django_db
@pytest.mark.parametrize("changed", [False, True])
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_candidate_message_ends_with_the_anti_scam_footer(personas, changed, language):
    if changed:
        save(personas.hr_admin, language=language, body="Singkat saja, {{ candidate_name }}.")
    message = message_queue(
        key="r", to="a@example.com", template=REJECTED, context=REJECTED_CONTEXT, language=language
    )
    fraud = {"id": "Waspada penipuan", "en": "Beware of fraud"}[language]
    assert fraud in message.body and settings.ORGANIZER_EMAIL in message.body
    assert message.body.count(fraud) == 1


@pytest.mark.django_db
def test_staff_messages_get_no_candidate_footer(personas):
    message = message_queue(
        key="s",
        to="rina@example.com",
        template="interviews/email/reminder_scorecard",
        context={
            "person": "Rina",
            "candidate": "Putri",
            "job": "Staf",
            "when": "kemarin",
            "number": 1,
            "most": 3,
            "url": "http://x/",
            "company": "PT Maju",
        },
        language="id",
    )
    assert "Waspada penipuan" not in message.body


@pytest.mark.django_db
def test_a_queued_message_keeps_the_words_it_was_queued_with(personas):
    before = message_queue(
        key="r1", to="a@example.com", template=REJECTED, context=REJECTED_CONTEXT, language="id"
    )
    save(personas.hr_admin, body="Teks baru {{ candidate_name }}")
    assert OutboxMessage.objects.get(pk=before.pk).body == before.body

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.whatsapp import whatsapp_link
from rekrut.core.models import AppendOnly


class Source(models.TextChoices):
    CAREERS_PAGE = "careers_page", _("Careers page")
    JOB_BOARD = "job_board", _("Job board (Jobstreet, Glints, Kalibrr, ...)")
    LINKEDIN = "linkedin", _("LinkedIn")
    REFERRAL = "referral", _("Employee referral")
    CAMPUS = "campus", _("Campus / job fair")
    AGENCY = "agency", _("Agency")
    IMPORT = "import", _("Bulk import")
    OTHER = "other", _("Other")


def cv_upload_path(candidate: "Candidate", filename: str) -> str:
    # A random name: the candidate's own file name may hold personal data and is kept in cv_name instead.
    import uuid

    return f"cv/{uuid.uuid4().hex}{'.pdf' if filename.lower().endswith('.pdf') else '.docx'}"


class Candidate(models.Model):
    """A person, held once however many jobs they apply for."""

    full_name = models.CharField(_("full name"), max_length=160)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, help_text=_("Stored as +62… (E.164)."))
    city = models.CharField(_("city"), max_length=80, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.OTHER)
    links = models.JSONField(_("links"), default=list, blank=True)
    cv_file = models.FileField(_("CV"), upload_to=cv_upload_path, blank=True)
    cv_name = models.CharField(_("CV file name"), max_length=200, blank=True)
    cv_text = models.TextField(_("CV text"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The CV as a JSON Resume document (rekrut/candidates/jsonresume.py), kept whole so an import exports
    # back unchanged; {} when none was given.
    resume = models.JSONField(_("résumé (JSON Resume)"), default=dict, blank=True)
    # The language of every message the candidate receives (invitations, reminders, ...).
    language = models.CharField(
        _("language for messages"), max_length=8, choices=settings.LANGUAGES, default="id"
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text=_("Set when this record was merged into another record of the same person."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        indexes = [
            models.Index(Lower("email"), name="candidate_email_lower"),
            models.Index(fields=["phone"], name="candidate_phone"),
            models.Index(fields=["full_name"], name="candidate_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def whatsapp_url(self) -> str:
        """A chat with the candidate, nothing typed; the candidate page prefills a greeting instead."""
        return whatsapp_link(phone=self.phone)


class CandidateEventKind(models.TextChoices):
    CREATED = "created", _("Added")
    EDITED = "edited", _("Edited")
    MERGED = "merged", _("Merged")


# What each event says, worded when shown so every viewer reads it in their own language.
EVENT_TEXTS = {
    CandidateEventKind.CREATED: _("Candidate added"),
    CandidateEventKind.EDITED: _("Details edited"),
    CandidateEventKind.MERGED: _("Merged with the record of %(name)s (#%(id)s)"),
}


class CandidateEvent(AppendOnly):
    """Things that happened to a candidate outside the pipeline (added, edited, merged). Written once, so
    its actor is PROTECTed like the pipeline's history: people with history are deactivated, not deleted."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    kind = models.CharField(max_length=20, choices=CandidateEventKind.choices)
    params = models.JSONField(default=dict, blank=True)
    # Rows written before events were stored as codes kept their text, in the writer's language.
    summary = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        template = EVENT_TEXTS.get(self.kind)  # type: ignore[call-overload]
        if template is None or (self.summary and not self.params and self.kind == CandidateEventKind.MERGED):
            return self.summary
        return str(template) % self.params if self.params else str(template)


class ConsentPurpose(models.TextChoices):
    """What a candidate agreed to. Each purpose is its own consent (UU PDP Ps 22: distinguishable)."""

    APPLICATION = "application", _("Processing my data for the job I apply for")
    TALENT_POOL = "talent_pool", _("Keeping my data for other suitable jobs (talent pool)")
    ASSESSMENT = "assessment", _("Assessments and tests for the job I apply for")


class Consent(models.Model):
    """One consent a candidate gave, with the exact wording's version, language, time, address and browser,
    so the company can prove it (UU PDP Ps 24). Withdrawing sets withdrawn_at; the row itself stays."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=32, choices=ConsentPurpose.choices)
    text_version = models.CharField(_("text version"), max_length=40)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # The job the candidate was applying to when they agreed, if any.
    job = models.ForeignKey("jobs.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    given_at = models.DateTimeField(_("given at"), db_index=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        indexes = [models.Index(fields=["candidate", "purpose"], name="consent_candidate_purpose")]

    def __str__(self) -> str:
        return f"{self.candidate} · {self.get_purpose_display()} · {self.text_version}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None

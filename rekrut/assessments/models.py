"""Assessments between the CV and the interviews: the types HR manages (psikotes, skills, language tests,
case studies, job simulations), each application's assessments with their results, and the detailed
reports kept apart from them.

A psikotes report is about the person's mind and character: it is kept as specific personal data (UU 27/2022
Ps 4, rule P2), so the hiring team reads the conclusion on `Assessment` and only holders of the explicit
permission read `AssessmentReport`, each reading written to the audit log.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.core.models import Bilingual, bilingual
from rekrut.jobs.models import Job, StageKind
from rekrut.pipeline.models import Application

PERMISSION = "view_assessment_reports"


class AssessmentKind(models.TextChoices):
    PSIKOTES = "psikotes", _("Psychological test (psikotes)")
    SKILLS = "skills", _("Skills or knowledge test")
    LANGUAGE = "language", _("Language test")
    CASE_STUDY = "case_study", _("Case study or work sample")
    SIMULATION = "simulation", _("Job simulation")


class ResultShape(models.TextChoices):
    """How a result is written: a score against a pass mark, a category, or ratings on a rubric."""

    SCORE = "score", _("Score with a pass mark")
    CATEGORY = "category", _("Category")
    RUBRIC = "rubric", _("Rubric")


class Category(models.TextChoices):
    """The three categories Indonesian psikotes reports conclude with."""

    RECOMMENDED = "recommended", _("Recommended")
    CONSIDERED = "considered", _("To be considered")
    NOT_RECOMMENDED = "not_recommended", _("Not recommended")


class Outcome(models.TextChoices):
    """A result of any shape read the same way by the evaluation and the decision policy."""

    PASSED = "passed", _("Passed")
    BORDERLINE = "borderline", _("Borderline")
    FAILED = "failed", _("Not passed")


class Delivery(models.TextChoices):
    EXTERNAL = "external", _("External provider")
    IN_HOUSE = "in_house", _("In-house")
    ONLINE = "online", _("Rekrut online test")


class AssessmentType(Bilingual):
    """A kind of assessment the company uses, with its result shape and who may read its details."""

    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AssessmentKind.choices)
    shape = models.CharField(_("result shape"), max_length=20, choices=ResultShape.choices)
    delivery = models.CharField(
        _("run by"), max_length=20, choices=Delivery.choices, default=Delivery.EXTERNAL
    )
    provider_name = models.CharField(
        _("provider"), max_length=160, blank=True, help_text=_("The bureau or psychologist, if external.")
    )
    max_score = models.DecimalField(_("highest score"), max_digits=7, decimal_places=2, default=100)
    pass_mark = models.DecimalField(_("pass mark"), max_digits=7, decimal_places=2, null=True, blank=True)
    # [{"key": "analysis", "name_id": "...", "name_en": "..."}, ...], each rated 1–4 like the scorecards.
    rubric = models.JSONField(_("rubric"), default=list, blank=True)
    rubric_pass_average = models.DecimalField(
        _("average rating to pass"), max_digits=3, decimal_places=2, null=True, blank=True
    )
    validity_days = models.PositiveSmallIntegerField(
        _("valid for (days)"),
        default=180,
        help_text=_("A result can be reused for another application of the same person within this time."),
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    measures_id = models.TextField(_("what it measures (Bahasa Indonesia)"), max_length=2000, blank=True)
    measures_en = models.TextField(_("what it measures (English)"), max_length=2000, blank=True)
    instructions_id = models.TextField(_("instructions (Bahasa Indonesia)"), max_length=4000, blank=True)
    instructions_en = models.TextField(_("instructions (English)"), max_length=4000, blank=True)
    bring_id = models.TextField(_("what to bring (Bahasa Indonesia)"), max_length=1000, blank=True)
    bring_en = models.TextField(_("what to bring (English)"), max_length=1000, blank=True)
    # A case study's brief, handed to the candidate with the invitation.
    brief_id = models.TextField(_("brief (Bahasa Indonesia)"), max_length=10000, blank=True)
    brief_en = models.TextField(_("brief (English)"), max_length=10000, blank=True)
    brief_file = models.FileField(_("brief file"), upload_to="assessments/briefs/", blank=True)
    details_restricted = models.BooleanField(
        _("details are specific data"),
        default=False,
        help_text=_("The report and note are read only with the explicit permission (psikotes: always)."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["name_id"]
        verbose_name = _("assessment type")
        verbose_name_plural = _("assessment types")
        constraints = [
            models.UniqueConstraint(fields=["name_id"], name="assessment_type_unique_name"),
            models.CheckConstraint(condition=Q(max_score__gt=0), name="assessment_type_max_score_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def measures(self) -> str:
        return bilingual(self, "measures")

    @property
    def instructions(self) -> str:
        return bilingual(self, "instructions")

    @property
    def bring(self) -> str:
        return bilingual(self, "bring")

    @property
    def brief(self) -> str:
        return bilingual(self, "brief")


class AssessmentStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    INVITED = "invited", _("Invited")
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    COMPLETED = "completed", _("Result recorded")
    CANCELLED = "cancelled", _("Cancelled")


class ResultSource(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    IMPORT = "import", _("Imported from the provider's file")
    ONLINE = "online", _("Scored by Rekrut")
    REUSED = "reused", _("Reused from an earlier application")


class AssessmentMode(models.TextChoices):
    ON_SITE = "on_site", _("On site")
    ONLINE = "online", _("Online")


def work_sample_path(assessment: "Assessment", filename: str) -> str:
    # A random name: the candidate's file name may carry their name.
    return f"assessments/work/{uuid.uuid4().hex}.{assessment.work_sample_kind or 'bin'}"


class Assessment(models.Model):
    """One assessment of one application: the invitation, then the result every reader of the application
    may see (score, category or rubric ratings, the outcome they mean, a short conclusion).

    `version` grows with each change so that an edit from a stale page is refused, not overwritten."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("application")
    )
    assessment_type = models.ForeignKey(
        AssessmentType, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("type")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.ASSIGNED
    )
    # The invitation: a time and place, or a deadline for work done at home (a case study, an online test).
    scheduled_at = models.DateTimeField(_("time"), null=True, blank=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    mode = models.CharField(_("mode"), max_length=20, choices=AssessmentMode.choices, blank=True)
    location = models.CharField(_("place"), max_length=300, blank=True)
    meeting_url = models.URLField(_("link"), max_length=500, blank=True)
    note_to_candidate = models.TextField(_("note to the candidate"), max_length=2000, blank=True)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    calendar_uid = models.CharField(max_length=120, blank=True)
    calendar_sequence = models.PositiveIntegerField(default=0)
    # The result, readable by everyone who may read the application.
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, blank=True)
    rubric_ratings = models.JSONField(_("rubric ratings"), default=dict, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    conclusion = models.CharField(_("conclusion"), max_length=500, blank=True)
    result_source = models.CharField(
        _("result from"), max_length=20, choices=ResultSource.choices, blank=True
    )
    result_recorded_at = models.DateTimeField(_("result recorded at"), null=True, blank=True)
    result_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reused_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="reused_by"
    )
    # What the candidate hands in (a case study, a work sample), seen by interviewers in the kit.
    work_sample = models.FileField(_("work handed in"), upload_to=work_sample_path, blank=True)
    work_sample_name = models.CharField(_("file name"), max_length=200, blank=True)
    work_sample_kind = models.CharField(max_length=8, blank=True)
    work_sample_size = models.PositiveIntegerField(default=0)
    work_submitted_at = models.DateTimeField(_("handed in at"), null=True, blank=True)
    cancel_reason = models.CharField(_("why it was cancelled"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="completed") | ~Q(outcome=""), name="assessment_completed_has_outcome"
            ),
        ]
        indexes = [models.Index(fields=["application", "status"], name="assessment_app_status")]

    def __str__(self) -> str:
        # No result here: this is what the audit log keeps as the subject's name.
        return str(_("%(type)s of %(candidate)s")) % {
            "type": self.assessment_type,
            "candidate": self.application.candidate,
        }

    @property
    def has_result(self) -> bool:
        return bool(self.outcome)


def report_upload_path(report: "AssessmentReport", filename: str) -> str:
    return f"assessments/reports/{uuid.uuid4().hex}.{report.report_kind or 'bin'}"


class AssessmentReport(models.Model):
    """The provider's detailed report and the assessor's note of one assessment. For restricted types
    (psikotes) only holders of the explicit permission read it, each reading written to the audit log."""

    assessment = models.OneToOneField(
        Assessment, on_delete=models.PROTECT, related_name="report", verbose_name=_("assessment")
    )
    note = models.TextField(_("assessor's note"), max_length=10000, blank=True)
    report = models.FileField(_("report"), upload_to=report_upload_path, blank=True)
    report_name = models.CharField(_("report's file name"), max_length=200, blank=True)
    report_kind = models.CharField(max_length=8, blank=True)
    report_size = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("assessment report")
        verbose_name_plural = _("assessment reports")
        # Granted to a person by an HR admin (accounts:specific_data), never by a role or superuser status.
        permissions = [(PERMISSION, _("Can see psychological test reports and other restricted results"))]

    def __str__(self) -> str:
        return str(self.assessment)


class AssessmentRule(models.Model):
    """A job's decision rule: an assessment outcome that holds applications back from a stage kind, e.g.
    "psikotes 'not recommended' blocks moving to the user interview". HR may override it with a reason, like
    every exit rule (pipeline.guards)."""

    job = models.ForeignKey(
        Job, on_delete=models.CASCADE, related_name="assessment_rules", verbose_name=_("job")
    )
    assessment_type = models.ForeignKey(
        AssessmentType, on_delete=models.PROTECT, related_name="rules", verbose_name=_("assessment type")
    )
    blocking_outcome = models.CharField(
        _("outcome that blocks"), max_length=20, choices=Outcome.choices, default=Outcome.FAILED
    )
    # An application with that outcome may not move into this stage kind, nor past it.
    stage_kind = models.CharField(_("blocks moving to"), max_length=20, choices=StageKind.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("assessment rule")
        verbose_name_plural = _("assessment rules")
        constraints = [
            models.UniqueConstraint(
                fields=["job", "assessment_type", "blocking_outcome", "stage_kind"],
                name="assessment_rule_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment_type} → {self.get_stage_kind_display()}"


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("Checked, not saved")
    SAVED = "saved", _("Saved")


class ResultImport(models.Model):
    """A provider's results file, read and checked: its rows' report is shown before anything is saved, and
    saving applies every good row at once or none (the rows are kept here between the two steps)."""

    assessment_type = models.ForeignKey(
        AssessmentType, on_delete=models.PROTECT, related_name="imports", verbose_name=_("assessment type")
    )
    file_name = models.CharField(_("file name"), max_length=200)
    # [{"line": 2, "assessment": 12, "score": "78", "category": "", "conclusion": "...", "date": "..."}]
    rows = models.JSONField(default=list)
    # [{"line": 3, "code": "unknown_person", "text": "..."}] — worded when shown
    problems = models.JSONField(default=list)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.PREVIEW)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    saved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("results import")
        verbose_name_plural = _("results imports")

    def __str__(self) -> str:
        return self.file_name

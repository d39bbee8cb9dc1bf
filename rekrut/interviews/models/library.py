"""The interview library that ships with the product: round templates, attributes with their rubrics, and
the question bank. HR admins edit it in the admin; jobs copy from it into their own plans."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.core.models import Bilingual, bilingual, language_suffix
from rekrut.jobs.models import JobFamily, StageKind


class RoundType(models.TextChoices):
    HR = "hr", _("HR interview")
    USER = "user", _("User interview")
    SUPERIOR = "superior", _("Superior interview")
    DIRECTOR = "director", _("Director interview")
    CUSTOM = "custom", _("Other interview")


# The round a stage of each interview kind holds. Stage kinds say what a stage is, so nothing reads names.
ROUND_TYPE_OF_KIND: dict[str, str] = {
    StageKind.HR_INTERVIEW: RoundType.HR,
    StageKind.USER_INTERVIEW: RoundType.USER,
    StageKind.SUPERIOR_INTERVIEW: RoundType.SUPERIOR,
    StageKind.DIRECTOR_INTERVIEW: RoundType.DIRECTOR,
    StageKind.OTHER_INTERVIEW: RoundType.CUSTOM,
}
INTERVIEW_KINDS = frozenset(ROUND_TYPE_OF_KIND)
# Stages where the evaluation decision can be taken: any interview, and the internal evaluation.
DECIDING_KINDS = INTERVIEW_KINDS | {StageKind.EVALUATION}


RUBRIC_LEVELS = (1, 2, 3, 4)
# What each step of the 1–4 scale means, shown beside the number wherever a rating is given or read.
RUBRIC_LEVEL_NAMES = {
    1: _("Below expectations"),
    2: _("Partly meets expectations"),
    3: _("Meets expectations"),
    4: _("Exceeds expectations"),
}


class Attribute(Bilingual):
    """Something an interview assesses (attitude, technical skill, ...), with a 4-point behavioural rubric."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    description_id = models.TextField(_("description (Bahasa Indonesia)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    rubric_1_id = models.TextField(_("1 (Bahasa Indonesia)"))
    rubric_1_en = models.TextField(_("1 (English)"))
    rubric_2_id = models.TextField(_("2 (Bahasa Indonesia)"))
    rubric_2_en = models.TextField(_("2 (English)"))
    rubric_3_id = models.TextField(_("3 (Bahasa Indonesia)"))
    rubric_3_en = models.TextField(_("3 (English)"))
    rubric_4_id = models.TextField(_("4 (Bahasa Indonesia)"))
    rubric_4_en = models.TextField(_("4 (English)"))
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("attribute")
        verbose_name_plural = _("attributes")

    def __str__(self) -> str:
        return self.name

    @property
    def description(self) -> str:
        return bilingual(self, "description")

    @property
    def rubric(self) -> list[tuple[int, str, str]]:
        """The four levels in the current language: [(1, "Below expectations", "..."), ..., (4, ...)]."""
        suffix = language_suffix()
        return [
            (level, str(RUBRIC_LEVEL_NAMES[level]), getattr(self, f"rubric_{level}_{suffix}"))
            for level in RUBRIC_LEVELS
        ]


class RoundTemplate(Bilingual):
    """A round type's defaults: its name, length, focus attributes and the extra fields its scorecard asks."""

    round_type = models.CharField(_("round type"), max_length=20, choices=RoundType.choices, unique=True)
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    default_duration_minutes = models.PositiveSmallIntegerField(_("default length (minutes)"), default=45)
    asks_salary_and_notice = models.BooleanField(
        _("asks salary expectation and notice period"), default=False
    )
    asks_background = models.BooleanField(_("asks about education and work background"), default=False)
    attributes = models.ManyToManyField(
        Attribute, through="RoundTemplateAttribute", related_name="templates", verbose_name=_("attributes")
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("round template")
        verbose_name_plural = _("round templates")

    def __str__(self) -> str:
        return self.name


class RoundTemplateAttribute(models.Model):
    template = models.ForeignKey(
        RoundTemplate,
        on_delete=models.CASCADE,
        related_name="template_attributes",
        verbose_name=_("template"),
    )
    attribute = models.ForeignKey(
        Attribute, on_delete=models.PROTECT, related_name="+", verbose_name=_("attribute")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["template", "attribute"], name="round_template_attribute_once")
        ]
        verbose_name = _("focus attribute")
        verbose_name_plural = _("focus attributes")

    def __str__(self) -> str:
        return str(self.attribute)


class Question(models.Model):
    """A question in the bank. Shipped questions have no author; HR's own ones do, and can be retired."""

    code = models.SlugField(_("code"), max_length=60, blank=True)
    round_type = models.CharField(_("round type"), max_length=20, choices=RoundType.choices)
    job_family = models.CharField(
        _("job family"), max_length=30, choices=JobFamily.choices, default=JobFamily.GENERAL
    )
    attributes = models.ManyToManyField(Attribute, related_name="questions", verbose_name=_("attributes"))
    text_id = models.TextField(_("question (Bahasa Indonesia)"))
    text_en = models.TextField(_("question (English)"))
    strong_answer_id = models.TextField(_("what a strong answer shows (Bahasa Indonesia)"), blank=True)
    strong_answer_en = models.TextField(_("what a strong answer shows (English)"), blank=True)
    follow_ups = models.JSONField(
        _("follow-up prompts"), default=list, blank=True, help_text=_('A list of {"id": "...", "en": "..."}.')
    )
    is_active = models.BooleanField(_("in use"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["round_type", "job_family", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("question bank")
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="question_code_unique")
        ]
        indexes = [models.Index(fields=["round_type", "is_active"], name="question_round_active")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def text(self) -> str:
        return bilingual(self, "text")

    @property
    def strong_answer(self) -> str:
        return bilingual(self, "strong_answer")

    @property
    def follow_up_texts(self) -> list[str]:
        key = language_suffix()
        return [f.get(key) or f.get("id") or "" for f in self.follow_ups if isinstance(f, dict)]

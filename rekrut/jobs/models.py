from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rekrut.core.localization import INDONESIAN_ZONES, zone_abbreviation
from rekrut.core.models import Bilingual


class Department(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    city = models.CharField(_("city"), max_length=80)
    time_zone = models.CharField(
        _("time zone"), max_length=40, choices=INDONESIAN_ZONES, default="Asia/Jakarta"
    )
    # The postal address job seekers and search engines see on the careers site (schema.org PostalAddress).
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    region = models.CharField(_("province"), max_length=80, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return f"{self.name} ({zone_abbreviation(self.time_zone)})"


class Level(models.TextChoices):
    STAFF = "staff", _("Staff")
    SENIOR = "senior", _("Senior staff")
    SUPERVISOR = "supervisor", _("Supervisor")
    MANAGER = "manager", _("Manager")
    HEAD = "head", _("Head of department")
    DIRECTOR = "director", _("Director")


class EmploymentType(models.TextChoices):
    PKWT = "pkwt", _("Fixed-term contract (PKWT)")
    PKWTT = "pkwtt", _("Permanent (PKWTT)")
    INTERNSHIP = "internship", _("Internship")
    FREELANCE = "freelance", _("Freelance")


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", _("On-site")
    HYBRID = "hybrid", _("Hybrid")
    REMOTE = "remote", _("Remote")


class JobStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    ON_HOLD = "on_hold", _("On hold")
    CLOSED = "closed", _("Closed")


class JobFamily(models.TextChoices):
    """Groups jobs so the question bank can suggest field-specific questions."""

    GENERAL = "general", _("General")
    CUSTOMER_SERVICE = "customer_service", _("Customer service")
    SALES = "sales", _("Sales")
    MARKETING_CONTENT = "marketing_content", _("Marketing and content")
    SOFTWARE_ENGINEERING = "software_engineering", _("Software engineering")
    FINANCE_ADMIN = "finance_admin", _("Finance and administration")
    OPERATIONS = "operations", _("Operations")
    MANAGERIAL = "managerial", _("Managerial")


class Job(models.Model):
    title = models.CharField(_("title"), max_length=160)
    department = models.ForeignKey(Department, on_delete=models.PROTECT, verbose_name=_("department"))
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.STAFF)
    is_managerial = models.BooleanField(
        _("managerial or strategic position"),
        default=False,
        help_text=_("Managerial and strategic positions include the director interview by default."),
    )
    job_family = models.CharField(
        _("job family"), max_length=30, choices=JobFamily.choices, default=JobFamily.GENERAL
    )
    employment_type = models.CharField(
        _("employment type"), max_length=20, choices=EmploymentType.choices, default=EmploymentType.PKWTT
    )
    location = models.ForeignKey(Location, on_delete=models.PROTECT, verbose_name=_("location"))
    work_mode = models.CharField(
        _("work mode"), max_length=20, choices=WorkMode.choices, default=WorkMode.ON_SITE
    )
    headcount = models.PositiveSmallIntegerField(_("headcount"), default=1)
    description = models.TextField(_("description"), blank=True)
    requirements = models.TextField(_("requirements"), blank=True)
    salary_min = models.PositiveBigIntegerField(_("minimum monthly salary (Rp)"), null=True, blank=True)
    salary_max = models.PositiveBigIntegerField(_("maximum monthly salary (Rp)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=JobStatus.choices, default=JobStatus.DRAFT)
    show_salary = models.BooleanField(
        _("show the salary range on the careers site"),
        default=False,
        help_text=_("Off: the range stays internal and job seekers see no salary."),
    )
    valid_through = models.DateField(
        _("applications close on"),
        null=True,
        blank=True,
        help_text=_(
            "The careers site stops taking applications after this day. Leave empty for no end date."
        ),
    )
    # When the job was last opened to applicants: the careers site's "posted on" (schema.org datePosted).
    published_at = models.DateTimeField(_("posted on"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        constraints = [
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=models.F("salary_max")),
                name="job_salary_range_ordered",
            ),
            models.CheckConstraint(condition=Q(headcount__gte=1), name="job_headcount_positive"),
        ]

    def __str__(self) -> str:
        return self.title


class TeamRole(models.TextChoices):
    HR_OWNER = "hr_owner", _("HR owner")
    USER = "user", _("User (hiring manager)")
    SUPERIOR = "superior", _("User's superior")
    DIRECTOR = "director", _("Director")
    INTERVIEWER = "interviewer", _("Interviewer")
    APPROVER = "approver", _("Approver")


class HiringTeamMember(models.Model):
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="team", verbose_name=_("job"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="team_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role on the team"), max_length=20, choices=TeamRole.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "user", "role"], name="team_member_unique_role")
        ]
        verbose_name = _("hiring team member")
        verbose_name_plural = _("hiring team")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class StageKind(models.TextChoices):
    """What a stage is, whatever a job calls it; reports and rules read the kind, not the name."""

    APPLIED = "applied", _("Applied")
    SCREENING = "screening", _("Screening")
    ASSESSMENT = "assessment", _("Assessment")
    HR_INTERVIEW = "hr_interview", _("HR interview")
    USER_INTERVIEW = "user_interview", _("User interview")
    SUPERIOR_INTERVIEW = "superior_interview", _("Superior interview")
    DIRECTOR_INTERVIEW = "director_interview", _("Director interview")
    OTHER_INTERVIEW = "other_interview", _("Other interview")
    EVALUATION = "evaluation", _("Evaluation")
    MEDICAL = "medical", _("Medical check-up")
    OFFER = "offer", _("Offer")
    CONTRACT = "contract", _("Contract")
    ONBOARDING = "onboarding", _("Onboarding")


class StageTemplate(Bilingual):
    """The company's default pipeline, copied into each new job, where it can then be changed."""

    position = models.PositiveSmallIntegerField(_("position"))
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=StageKind.choices)
    is_optional = models.BooleanField(_("optional"), default=False)
    enabled_by_default = models.BooleanField(_("on by default"), default=True)
    enabled_for_managerial = models.BooleanField(_("on by default for managerial jobs"), default=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("stage template")
        verbose_name_plural = _("stage templates")

    def __str__(self) -> str:
        return f"{self.position}. {self.name_id}"


class Stage(Bilingual):
    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="stages", verbose_name=_("job"))
    position = models.PositiveSmallIntegerField(_("position"))
    name_id = models.CharField(_("name (Bahasa Indonesia)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=StageKind.choices)
    is_optional = models.BooleanField(_("optional"), default=False)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="stage_position_unique_per_job")
        ]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self) -> str:
        return self.name


class AdAcknowledgement(models.Model):
    """HR kept a phrase the ad check warns about, and said why (SE Menaker M/6/HK.04/V/2025 allows, e.g., an
    age limit the work truly requires). Written once per rule and phrase; an edited phrase is checked anew."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="ad_acknowledgements")
    key = models.CharField(max_length=200)
    phrase = models.CharField(_("phrase"), max_length=200)
    reason = models.TextField(_("reason"))
    acknowledged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    acknowledged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["acknowledged_at", "pk"]
        verbose_name = _("acknowledged ad warning")
        verbose_name_plural = _("acknowledged ad warnings")
        constraints = [models.UniqueConstraint(fields=["job", "key"], name="ad_acknowledgement_once")]

    def __str__(self) -> str:
        return self.phrase


class EducationLevel(models.TextChoices):
    """The levels of Indonesian schooling a job may ask for, lowest first (their order is their rank)."""

    SMA = "sma", _("High school (SMA/SMK)")
    D3 = "d3", _("Diploma (D3)")
    S1 = "s1", _("Bachelor's degree (D4/S1)")
    S2 = "s2", _("Master's degree (S2)")
    S3 = "s3", _("Doctorate (S3)")


class LanguageLevel(models.TextChoices):
    """How well a job needs a language spoken, lowest first."""

    BASIC = "basic", _("Basic")
    CONVERSATIONAL = "conversational", _("Conversational")
    FLUENT = "fluent", _("Fluent")
    NATIVE = "native", _("Native")


class JobRequirements(models.Model):
    """What a job asks of an applicant, in parts that can be matched against a CV to rank the applications
    (rekrut.intake.ranking). The job's free-text `requirements` stay the ad's wording; these only order the
    list HR reads and never reject anyone."""

    job = models.OneToOneField(
        Job, on_delete=models.CASCADE, related_name="structured_requirements", verbose_name=_("job")
    )
    must_have = models.JSONField(_("must-have skills"), default=list, blank=True)
    nice_to_have = models.JSONField(_("nice-to-have skills"), default=list, blank=True)
    experience_years = models.PositiveSmallIntegerField(
        _("minimum years of experience"), null=True, blank=True
    )
    experience_in = models.CharField(_("experience in"), max_length=80, blank=True)
    education_min = models.CharField(
        _("minimum education"), max_length=8, choices=EducationLevel.choices, blank=True
    )
    # [{"language": "Inggris", "level": "fluent"}, ...]
    languages = models.JSONField(_("languages"), default=list, blank=True)
    location_matters = models.BooleanField(
        _("prefer applicants near the job or willing to relocate"), default=True
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("job requirements for ranking")
        verbose_name_plural = _("job requirements for ranking")

    def __str__(self) -> str:
        return str(self.job)

    @property
    def is_empty(self) -> bool:
        return not (
            self.must_have
            or self.nice_to_have
            or self.experience_years
            or self.education_min
            or self.languages
        )

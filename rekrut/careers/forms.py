"""The careers site's forms: searching jobs, and applying (details, CV, screening answers, consent)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.jsonresume import ResumeInvalid, resume_read
from rekrut.candidates.models import ConsentPurpose
from rekrut.candidates.services import CVUpload
from rekrut.careers.selectors import JobFilters
from rekrut.core.errors import DomainError
from rekrut.core.limits import SEARCH_TEXT
from rekrut.core.phones import PhoneInvalid, phone_normalize
from rekrut.core.uploads import UploadRejected
from rekrut.intake.forms import cv_from_upload
from rekrut.intake.models import QuestionKind, ScreeningQuestion
from rekrut.intake.screening import NO, YES, answer_clean
from rekrut.jobs.models import Department, EmploymentType, Location, WorkMode

JSON_RESUME_MAX_BYTES = 1024 * 1024


class JobSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=SEARCH_TEXT)
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False, empty_label=_("All")
    )
    location = forms.ModelChoiceField(
        label=_("Location"), queryset=Location.objects.none(), required=False, empty_label=_("All")
    )
    work_mode = forms.ChoiceField(label=_("Work mode"), required=False)
    employment_type = forms.ChoiceField(label=_("Employment type"), required=False)

    def __init__(self, *args: Any, departments: list, locations: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Department.objects.filter(pk__in=[d.pk for d in departments])
        field = self.fields["location"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Location.objects.filter(pk__in=[loc.pk for loc in locations])
        all_choice = [("", _("All"))]
        self.fields["work_mode"].choices = all_choice + list(WorkMode.choices)  # type: ignore[attr-defined]
        self.fields["employment_type"].choices = all_choice + list(EmploymentType.choices)  # type: ignore[attr-defined]

    def filters(self) -> JobFilters:
        """What to filter by; an invalid value (an old link, a typed URL) is ignored, not an error."""
        data = self.cleaned_data if self.is_valid() else {}
        department, location = data.get("department"), data.get("location")
        return JobFilters(
            query=data.get("q", ""),
            department=department.pk if department else None,
            location=location.pk if location else None,
            work_mode=data.get("work_mode", ""),
            employment_type=data.get("employment_type", ""),
        )


def _question_field(question: ScreeningQuestion) -> forms.Field:
    common: dict[str, Any] = {"label": question.text, "required": question.is_required}
    if question.kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect, **common)
    if question.kind == QuestionKind.CHOICE:
        return forms.ChoiceField(
            choices=[(choice, choice) for choice in question.choices], widget=forms.RadioSelect, **common
        )
    if question.kind == QuestionKind.NUMBER:
        return forms.CharField(
            max_length=30, widget=forms.TextInput(attrs={"inputmode": "decimal"}), **common
        )
    return forms.CharField(max_length=1000, **common)


class ApplyForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=160, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Mobile phone (WhatsApp)"),
        max_length=30,
        widget=forms.TextInput(
            attrs={"autocomplete": "tel", "inputmode": "tel", "placeholder": "0812 3456 7890"}
        ),
    )
    city = forms.CharField(
        label=_("City where you live"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    cv = forms.FileField(
        label=_("CV (PDF or Word .docx, at most 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )
    resume_json = forms.FileField(
        label=_("JSON Resume file (optional)"),
        required=False,
        help_text=_(
            "If you keep your résumé as JSON Resume (jsonresume.org), add it: we read it with your CV."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )
    consent_application = forms.BooleanField(
        label=_("I agree that my data is processed for this application, as described above."),
        error_messages={"required": _("Your application cannot be processed without this consent.")},
    )
    consent_talent_pool = forms.BooleanField(
        label=_("Also keep my data for other suitable jobs (talent pool). Optional."), required=False
    )
    # A field people never see (hidden by CSS, skipped by keyboard and screen readers); bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args: Any, questions: list[ScreeningQuestion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.cv_upload: CVUpload | None = None
        self.resume: dict[str, Any] | None = None
        for question in questions:
            self.fields[f"q_{question.pk}"] = _question_field(question)

    @property
    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{question.pk}"] for question in self.questions]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website", "").strip())

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise ValidationError(_("Enter your name."))
        return name

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self) -> str:
        try:
            return phone_normalize(self.cleaned_data["phone"])
        except PhoneInvalid as error:
            raise ValidationError(error.message) from None

    def clean_city(self) -> str:
        return " ".join(self.cleaned_data["city"].split())

    def clean_cv(self) -> object:
        upload = self.cleaned_data.get("cv")
        if upload:
            try:
                self.cv_upload = cv_from_upload(upload)
            except UploadRejected as error:
                raise ValidationError(error.message) from None
        return upload

    def clean_resume_json(self) -> object:
        upload = self.cleaned_data.get("resume_json")
        if upload:
            if upload.size and upload.size > JSON_RESUME_MAX_BYTES:
                raise ValidationError(
                    _("This JSON Resume file is larger than 1 MB; a résumé is much smaller.")
                )
            try:
                self.resume = resume_read(upload.read())
            except ResumeInvalid as error:
                raise ValidationError(error.message) from None
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_bot:
            raise ValidationError(
                _(
                    "Your application could not be sent. If you typed something in the field marked "
                    "“Leave this field empty”, clear it and send again."
                ),
                code="honeypot",
            )
        for question in self.questions:
            name = f"q_{question.pk}"
            if name in self.errors:
                continue
            try:
                data[name] = answer_clean(question, str(data.get(name) or ""))
            except DomainError as error:
                self.add_error(name, error.message)
        return data

    def answers(self) -> dict[int, str]:
        return {question.pk: self.cleaned_data.get(f"q_{question.pk}", "") for question in self.questions}

    def consents(self) -> tuple[str, ...]:
        given = [ConsentPurpose.APPLICATION] if self.cleaned_data.get("consent_application") else []
        if self.cleaned_data.get("consent_talent_pool"):
            given.append(ConsentPurpose.TALENT_POOL)
        return tuple(given)

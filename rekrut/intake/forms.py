from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from rekrut.candidates.models import Candidate
from rekrut.candidates.services import CVUpload
from rekrut.core.limits import REASON_TEXT
from rekrut.core.links import link_clean
from rekrut.core.phones import PhoneInvalid, phone_normalize
from rekrut.core.uploads import MAX_UPLOAD_BYTES, UploadRejected
from rekrut.intake.cv import CVReading, resume_document
from rekrut.intake.cv_reading import ExtractedCV, cv_read


def cv_upload_read(upload: UploadedFile) -> tuple[bytes, ExtractedCV]:
    """Reads and checks an uploaded CV by its content; raises UploadRejected with the user's message."""
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        raise UploadRejected(_("The file is larger than 10 MB."), code="too_large")
    data = upload.read()
    return data, cv_read(name=upload.name or "", data=data)


def cv_from_upload(upload: UploadedFile) -> CVUpload:
    return _cv_upload(upload, *cv_upload_read(upload))


def _cv_upload(upload: UploadedFile, data: bytes, extracted: ExtractedCV) -> CVUpload:
    return CVUpload(name=upload.name or "cv", data=data, kind=extracted.kind, text=extracted.text)


class CandidateForm(forms.ModelForm):
    cv = forms.FileField(
        label=_("CV (PDF or Word .docx, at most 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )
    links_text = forms.CharField(
        label=_("Links (one per line)"),
        required=False,
        max_length=REASON_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    skip_cv_parts = forms.BooleanField(
        label=_("Do not keep the work history, education and skills read from the CV"),
        required=False,
        help_text=_("Tick this when they were read wrongly; the CV file and its text are kept either way."),
    )

    class Meta:
        model = Candidate
        fields = ["full_name", "email", "phone", "city", "source", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["links_text"] = "\n".join(self.instance.links)
        self.cv_upload: CVUpload | None = None
        self.cv_reading: CVReading | None = None

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        try:
            return phone_normalize(raw)
        except PhoneInvalid as error:
            raise forms.ValidationError(error.message) from None

    def clean_email(self) -> str:
        return self.cleaned_data.get("email", "").strip().lower()

    def clean_links_text(self) -> list[str]:
        # Stored as cleaned: "linkedin.com/in/putri" gets its https:// (typed without it, it became a link
        # relative to Rekrut's own pages).
        lines = [line.strip() for line in self.cleaned_data.get("links_text", "").splitlines()]
        return list(dict.fromkeys(link_clean(line) for line in lines if line))

    def clean_cv(self) -> object:
        upload = self.cleaned_data.get("cv")
        if upload:
            try:
                data, extracted = cv_upload_read(upload)
            except UploadRejected as error:
                raise forms.ValidationError(error.message) from None
            self.cv_upload = _cv_upload(upload, data, extracted)
            self.cv_reading = extracted.reading
        return upload

    def cv_resume(self) -> dict[str, Any] | None:
        """The parts read from the new CV as JSON Resume, unless HR chose not to keep them."""
        if (
            self.cv_reading is None
            or not self.cv_reading.structured
            or self.cleaned_data.get("skip_cv_parts")
        ):
            return None
        return resume_document(self.cv_reading)

    def candidate_fields(self) -> dict[str, Any]:
        data = {k: self.cleaned_data[k] for k in ["full_name", "email", "phone", "city", "source", "notes"]}
        data["links"] = self.cleaned_data["links_text"]
        return data

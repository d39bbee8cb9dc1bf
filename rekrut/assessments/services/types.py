"""HR's list of assessment types: create, edit, retire, and "add the usual types" for a new install.

A real install starts with no types (each company has its own bureau and tests); the usual Indonesian set
is one click away on the types page. A psikotes is always specific data (UU 27/2022 Ps 4): its report is
restricted whatever HR ticks.
"""

from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from rekrut.accounts.models import User
from rekrut.assessments.models import AssessmentKind, AssessmentType, Delivery, ResultShape
from rekrut.core.errors import AccessDenied, DomainError, StaleEdit
from rekrut.events.actions import action_register
from rekrut.events.services import audit_record

action_register("assessments.type_created", _("Assessment type created"))
action_register("assessments.type_changed", _("Assessment type changed"))
action_register("assessments.type_retired", _("Assessment type retired"))
action_register("assessments.type_restored", _("Assessment type back in use"))

STALE_TYPE = _("Someone else changed this assessment type meanwhile. The page now shows its current version.")
RUBRIC_MAX = 12

FIELDS = (
    "name_id",
    "name_en",
    "kind",
    "shape",
    "delivery",
    "provider_name",
    "max_score",
    "pass_mark",
    "rubric",
    "rubric_pass_average",
    "validity_days",
    "duration_minutes",
    "measures_id",
    "measures_en",
    "instructions_id",
    "instructions_en",
    "bring_id",
    "bring_en",
    "brief_id",
    "brief_en",
    "details_restricted",
)


def _hr_only(actor: User) -> None:
    if not (actor.is_hr_admin or actor.is_hr):
        raise AccessDenied(_("Only HR can manage assessment types."))


def rubric_from_lines(text: str) -> list[dict[str, str]]:
    """One criterion per line as HR types it ("Analisis masalah | Problem analysis"); blank lines and
    repeats left out. The key is the criterion's position, so renaming one keeps its ratings."""
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for line in text.splitlines():
        name_id, _sep, name_en = line.partition("|")
        name_id, name_en = name_id.strip(), name_en.strip()
        if not name_id or name_id.casefold() in seen:
            continue
        seen.add(name_id.casefold())
        rows.append({"key": f"c{len(rows) + 1}", "name_id": name_id[:120], "name_en": name_en[:120]})
    return rows


def _shape_check(data: dict[str, Any]) -> None:
    shape = data["shape"]
    if data.get("kind") == AssessmentKind.PSIKOTES:
        data["details_restricted"] = True  # specific data, always (UU 27/2022 Ps 4)
    max_score = data.get("max_score") or Decimal(100)
    if max_score <= 0:
        raise DomainError(_("The highest score must be more than 0."), code="max_score")
    data["max_score"] = max_score
    if shape == ResultShape.SCORE:
        mark = data.get("pass_mark")
        if mark is not None and not (0 <= mark <= max_score):
            raise DomainError(
                _("The pass mark must be between 0 and the highest score."), code="pass_mark_out_of_range"
            )
    else:
        data["pass_mark"] = None
    if shape == ResultShape.RUBRIC:
        rubric = data.get("rubric") or []
        if not rubric:
            raise DomainError(
                _("List at least one criterion of the rubric, one per line."), code="rubric_empty"
            )
        if len(rubric) > RUBRIC_MAX:
            raise DomainError(
                _("A rubric has at most %(max)d criteria.") % {"max": RUBRIC_MAX}, code="rubric_too_long"
            )
        average = data.get("rubric_pass_average")
        if average is None:
            data["rubric_pass_average"] = Decimal(3)
        elif not (1 <= average <= 4):
            raise DomainError(_("The average rating to pass must be between 1 and 4."), code="pass_average")
    else:
        data["rubric"], data["rubric_pass_average"] = [], None
    if data.get("delivery") != Delivery.EXTERNAL:
        data["provider_name"] = ""


def _save(kind: AssessmentType) -> AssessmentType:
    try:
        with transaction.atomic():
            kind.save()
    except IntegrityError:
        raise DomainError(
            _("An assessment type with this name already exists. Choose another name."), code="name_taken"
        ) from None
    return kind


@transaction.atomic
def assessment_type_create(*, actor: User, data: dict[str, Any]) -> AssessmentType:
    _hr_only(actor)
    data = {name: data[name] for name in FIELDS if name in data}
    _shape_check(data)
    kind = _save(AssessmentType(**data))
    audit_record(actor=actor, action="assessments.type_created", subject=kind, changes={"name": kind.name_id})
    return kind


@transaction.atomic
def assessment_type_update(
    *, actor: User, kind: AssessmentType, data: dict[str, Any], expected_version: int | None
) -> AssessmentType:
    _hr_only(actor)
    locked = AssessmentType.objects.select_for_update().get(pk=kind.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit(STALE_TYPE)
    data = {name: data[name] for name in FIELDS if name in data}
    _shape_check(data)
    changed = [name for name, value in data.items() if getattr(locked, name) != value]
    for name in changed:
        setattr(locked, name, data[name])
    if not changed:
        return locked
    locked.version += 1
    _save(locked)
    audit_record(actor=actor, action="assessments.type_changed", subject=locked, changes={"fields": changed})
    return locked


@transaction.atomic
def assessment_type_brief_file_set(*, actor: User, kind: AssessmentType, name: str, data: bytes) -> None:
    """The case study's brief as a file (PDF or Word), checked like every document upload."""
    from rekrut.assessments.services.work import document_accept

    _hr_only(actor)
    ending = document_accept(data, name=name)
    locked = AssessmentType.objects.select_for_update().get(pk=kind.pk)
    from django.core.files.base import ContentFile

    locked.brief_file.save(f"brief.{ending}", ContentFile(data), save=False)
    locked.version += 1
    locked.save(update_fields=["brief_file", "version"])
    audit_record(
        actor=actor, action="assessments.type_changed", subject=locked, changes={"fields": ["brief_file"]}
    )


@transaction.atomic
def assessment_type_retire(
    *, actor: User, kind: AssessmentType, expected_version: int | None, active: bool = False
) -> AssessmentType:
    """Retired types are no longer offered for new assessments; results already recorded keep them."""
    _hr_only(actor)
    locked = AssessmentType.objects.select_for_update().get(pk=kind.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleEdit(STALE_TYPE)
    if locked.is_active == active:
        return locked
    locked.is_active = active
    locked.version += 1
    locked.save(update_fields=["is_active", "version"])
    action = "assessments.type_restored" if active else "assessments.type_retired"
    audit_record(actor=actor, action=action, subject=locked)
    return locked


# The usual set for an Indonesian employer, offered on an empty types page ("add the usual types").
USUAL_TYPES: tuple[dict[str, Any], ...] = (
    {
        "name_id": "Psikotes",
        "name_en": "Psychological test",
        "kind": AssessmentKind.PSIKOTES,
        "shape": ResultShape.CATEGORY,
        "delivery": Delivery.EXTERNAL,
        "validity_days": 365,
        "duration_minutes": 180,
        "measures_id": "Kemampuan berpikir, sikap kerja dan kepribadian yang berkaitan dengan pekerjaan.",
        "measures_en": "Reasoning, work attitude and personality as they relate to the job.",
        "bring_id": "KTP, pensil 2B, penghapus, dan alat tulis.",
        "bring_en": "Your ID card (KTP), a 2B pencil, an eraser and a pen.",
        "details_restricted": True,
    },
    {
        "name_id": "Tes kemampuan teknis",
        "name_en": "Technical skills test",
        "kind": AssessmentKind.SKILLS,
        "shape": ResultShape.SCORE,
        "delivery": Delivery.IN_HOUSE,
        "max_score": Decimal(100),
        "pass_mark": Decimal(70),
        "validity_days": 180,
        "duration_minutes": 60,
        "measures_id": "Pengetahuan dan keterampilan yang dibutuhkan untuk pekerjaan ini.",
        "measures_en": "The knowledge and skills the job needs.",
    },
    {
        "name_id": "Tes bahasa Inggris",
        "name_en": "English test",
        "kind": AssessmentKind.LANGUAGE,
        "shape": ResultShape.SCORE,
        "delivery": Delivery.EXTERNAL,
        "max_score": Decimal(677),
        "pass_mark": Decimal(450),
        "validity_days": 730,
        "duration_minutes": 120,
        "measures_id": "Kemampuan membaca, mendengar dan tata bahasa Inggris (skala TOEFL ITP).",
        "measures_en": "English reading, listening and grammar (TOEFL ITP scale).",
    },
    {
        "name_id": "Studi kasus",
        "name_en": "Case study",
        "kind": AssessmentKind.CASE_STUDY,
        "shape": ResultShape.RUBRIC,
        "delivery": Delivery.IN_HOUSE,
        "rubric": rubric_from_lines(
            "Analisis masalah | Problem analysis\nKualitas solusi | Quality of the solution\n"
            "Penyajian | Presentation"
        ),
        "rubric_pass_average": Decimal(3),
        "validity_days": 90,
        "duration_minutes": 240,
        "measures_id": "Cara Anda menganalisis masalah nyata pekerjaan ini dan menyajikan solusinya.",
        "measures_en": "How you analyse a real problem of this job and present a solution.",
    },
    {
        "name_id": "Simulasi kerja",
        "name_en": "Job simulation",
        "kind": AssessmentKind.SIMULATION,
        "shape": ResultShape.RUBRIC,
        "delivery": Delivery.IN_HOUSE,
        "rubric": rubric_from_lines(
            "Ketepatan kerja | Accuracy\nKecepatan | Speed\nKomunikasi | Communication"
        ),
        "rubric_pass_average": Decimal(3),
        "validity_days": 90,
        "duration_minutes": 60,
        "measures_id": "Cara Anda mengerjakan tugas khas pekerjaan ini dalam situasi nyata.",
        "measures_en": "How you do a typical task of this job in a realistic setting.",
    },
)


@transaction.atomic
def assessment_types_usual_add(*, actor: User) -> list[AssessmentType]:
    """Adds the usual types not yet there (by name); running it twice adds nothing the second time."""
    _hr_only(actor)
    existing = set(AssessmentType.objects.values_list("name_id", flat=True))
    return [
        assessment_type_create(actor=actor, data=dict(spec))
        for spec in USUAL_TYPES
        if spec["name_id"] not in existing
    ]

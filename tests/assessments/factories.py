"""Assessment factories: types and assessments made through the real services, and the explicit permission
to read restricted reports."""

from decimal import Decimal

from rekrut.accounts.models import User
from rekrut.accounts.specific_data import specific_permission
from rekrut.assessments.access import REPORTS_DATA
from rekrut.assessments.models import Assessment, AssessmentKind, AssessmentType, Delivery, ResultShape
from rekrut.assessments.services.assessments import assessment_assign
from rekrut.assessments.services.types import assessment_type_create, rubric_from_lines
from rekrut.pipeline.models import Application
from tests.accounts.factories import factory_hr_admin


def type_make(*, shape: str = ResultShape.SCORE, name: str = "", **fields: object) -> AssessmentType:
    """A type of the given shape: score 0–100 passing at 70, the three psikotes categories, or a
    three-criterion rubric passing at an average of 3."""
    defaults: dict[str, object] = {
        ResultShape.SCORE: {
            "kind": AssessmentKind.SKILLS,
            "max_score": Decimal(100),
            "pass_mark": Decimal(70),
        },
        ResultShape.CATEGORY: {"kind": AssessmentKind.PSIKOTES, "delivery": Delivery.EXTERNAL},
        ResultShape.RUBRIC: {
            "kind": AssessmentKind.CASE_STUDY,
            "rubric": rubric_from_lines("Analisis | Analysis\nSolusi | Solution\nPenyajian | Presentation"),
            "rubric_pass_average": Decimal(3),
        },
    }[shape]
    data = {
        "name_id": name or f"Tes {shape}",
        "name_en": name or f"{shape} test",
        "shape": shape,
        "validity_days": 180,
        "delivery": Delivery.IN_HOUSE,
        **defaults,
        **fields,
    }
    existing = AssessmentType.objects.filter(name_id=data["name_id"]).first()
    return existing or assessment_type_create(actor=factory_hr_admin(), data=data)


def assessment_make(
    *, application: Application, assessment_type: AssessmentType | None = None, actor: User | None = None
) -> Assessment:
    return assessment_assign(
        actor=actor or factory_hr_admin(),
        application=application,
        assessment_type=assessment_type or type_make(),
    )


def reports_permission_grant(user: User) -> User:
    user.user_permissions.add(specific_permission(REPORTS_DATA))
    return User.objects.get(pk=user.pk)  # permissions are cached on the instance

"""The demo company has assessments at several stages, and a second run changes nothing."""

from rekrut.assessments.models import Assessment, AssessmentReport, AssessmentRule, AssessmentStatus
from rekrut.demo.assessments import assessments_demo
from rekrut.demo.company import demo_build
from rekrut.demo.interviews import interviews_demo_build


def test_the_demo_has_assessments_at_several_stages(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    users = demo_build()
    interviews_demo_build()
    assert assessments_demo(users) > 0
    statuses = set(Assessment.objects.values_list("status", flat=True))
    assert {
        AssessmentStatus.ASSIGNED,
        AssessmentStatus.INVITED,
        AssessmentStatus.SUBMITTED,
        AssessmentStatus.COMPLETED,
    } <= statuses
    shapes = set(
        Assessment.objects.filter(status="completed").values_list("assessment_type__shape", flat=True)
    )
    assert shapes == {"score", "category", "rubric"}
    assert (
        AssessmentReport.objects.filter(assessment__assessment_type__details_restricted=True)
        .exclude(note="")
        .exists()
    )
    assert AssessmentRule.objects.exists()
    count = Assessment.objects.count()
    assert assessments_demo(users) == 0 and Assessment.objects.count() == count

"""Leaving the MCU stage forward needs a recorded result (issue 9); "unfit" and "temporarily unfit" (D6)
hold it too, unless HR overrides with a reason. The board shows why."""

import pytest
from django.urls import reverse

from rekrut.core.errors import DomainError
from rekrut.medical.models import Conclusion
from rekrut.medical.services import medical_result_record
from rekrut.pipeline.services import application_move
from tests.medical.factories import medical_check_make


def _next_stage(application):
    return application.job.stages.filter(position__gt=application.stage.position, is_active=True).order_by(
        "position"
    )[0]


def _move(application, actor, **kwargs):
    return application_move(
        application=application,
        to_stage=_next_stage(application),
        actor=actor,
        expected_version=None,
        **kwargs,
    )


def test_the_stage_cannot_be_left_without_a_check_up(at_medical, personas):
    with pytest.raises(DomainError) as refused:
        _move(at_medical, personas.recruiter)
    assert refused.value.code == "exit_blocked"
    assert "No medical check-up is planned" in str(refused.value.message)


def test_the_stage_cannot_be_left_until_the_result_is_recorded(planned, personas):
    with pytest.raises(DomainError) as refused:
        _move(planned.application, personas.recruiter)
    assert "result has not been recorded" in str(refused.value.message)
    medical_result_record(
        actor=personas.recruiter, check=planned, conclusion=Conclusion.FIT, expected_version=1
    )
    moved = _move(planned.application, personas.recruiter)
    assert moved.stage.kind == "offer"


@pytest.mark.parametrize("conclusion", [Conclusion.UNFIT, Conclusion.TEMPORARILY_UNFIT])
def test_an_unfit_conclusion_holds_the_application_unless_hr_overrides(planned, personas, conclusion):
    medical_result_record(actor=personas.recruiter, check=planned, conclusion=conclusion, expected_version=1)
    with pytest.raises(DomainError):
        _move(planned.application, personas.recruiter)
    moved = _move(
        planned.application,
        personas.recruiter,
        override=True,
        override_reason="Dokter perusahaan menyetujui.",
    )
    assert moved.transitions.last().is_override


def test_fit_with_notes_lets_it_go(planned, personas):
    medical_result_record(
        actor=personas.recruiter, check=planned, conclusion=Conclusion.FIT_WITH_NOTES, expected_version=1
    )
    assert _move(planned.application, personas.recruiter).stage.kind == "offer"


def test_the_board_says_why_the_card_cannot_move_on(planned, personas, client, django_assert_max_num_queries):
    client.force_login(personas.recruiter)
    html = client.get(reverse("desk:board", args=[planned.application.job_id])).content.decode()
    assert "The medical check-up&#x27;s result has not been recorded yet." in html or (
        "result has not been recorded yet" in html
    )


def test_the_rule_answers_a_board_in_one_query(planned, personas, django_assert_max_num_queries):
    from rekrut.medical.guards import medical_exit_blockers

    others = [medical_check_make(application=a).application for a in _more_at_medical(planned, personas, 5)]
    applications = [planned.application, *others]
    with django_assert_max_num_queries(1):
        blocked = medical_exit_blockers(planned.application.job, applications)
    assert set(blocked) == {a.pk for a in applications}


def _more_at_medical(planned, personas, count):
    from tests.pipeline.factories import application_make

    return [
        application_make(job=planned.application.job, actor=personas.hr_admin, stage_kind="medical")
        for _ in range(count)
    ]

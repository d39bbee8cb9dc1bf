"""The demo's check-ups: one appointment ahead with its invitation, one result; a second run adds nothing."""

from rekrut.demo.medical import medical_demo
from rekrut.medical.models import CheckStatus, MedicalCheck
from rekrut.notifications.models import OutboxMessage
from tests.pipeline.factories import application_make


def test_the_demo_has_an_appointment_and_a_result(at_medical, personas):
    other = application_make(job=at_medical.job, actor=personas.hr_admin, stage_kind="medical")
    users = {"sari": personas.hr_admin}
    assert medical_demo(users) == 2
    assert MedicalCheck.objects.get(application=at_medical).status == CheckStatus.PLANNED
    assert OutboxMessage.objects.filter(to=at_medical.candidate.email).exists()
    assert MedicalCheck.objects.get(application=other).conclusion == "fit"
    assert medical_demo(users) == 0

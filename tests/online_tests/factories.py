"""Online-test factories: an online assessment type, a test built through the real services (one section of
each kind of question), and a test sent to an application."""

from datetime import datetime, timedelta
from decimal import Decimal

from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.assessments.models import AssessmentKind, AssessmentType, Delivery, ResultShape
from rekrut.online_tests.models import Attempt, OnlineTest, QuestionKind
from rekrut.online_tests.services.building import OptionText, online_test_save, question_add, section_add
from rekrut.online_tests.services.sending import online_test_send
from rekrut.pipeline.models import Application
from tests.accounts.factories import factory_hr_admin


def online_type_make(
    *, name: str = "Tes Numerik dan Layanan", pass_mark: Decimal | None = Decimal(60)
) -> AssessmentType:
    kind, _ = AssessmentType.objects.get_or_create(
        name_id=name,
        defaults={
            "name_en": "Numeracy and service test",
            "kind": AssessmentKind.SKILLS,
            "shape": ResultShape.SCORE,
            "delivery": Delivery.ONLINE,
            "max_score": Decimal(100),
            "pass_mark": pass_mark,
            "measures_id": "Berhitung dasar dan cara melayani pelanggan",
            "measures_en": "Basic numeracy and customer service",
        },
    )
    return kind


def choice_options(
    correct: str = "Rp15.000", wrong: tuple[str, ...] = ("Rp12.000", "Rp18.000")
) -> list[OptionText]:
    return [OptionText(correct, correct, True), *(OptionText(text, text, False) for text in wrong)]


def online_test_make(
    *,
    actor: User | None = None,
    minutes: int = 30,
    choice_pool: int = 1,
    choice_draw: int = 0,
    number: bool = True,
    text: bool = False,
    file: bool = False,
    show_score: bool = False,
) -> OnlineTest:
    """A test: a choice section (a pool of `choice_pool`, drawing `choice_draw`), a number section, and
    optionally a short text (with a two-criterion rubric) and a file upload (points only)."""
    actor = actor or factory_hr_admin()
    test = online_test_save(
        actor=actor,
        assessment_type=online_type_make(),
        name_id="Tes Numerik",
        name_en="Numeracy test",
        instructions_id="Jawab semua pertanyaan.",
        instructions_en="Answer every question.",
        time_limit_minutes=minutes,
        show_score_to_candidate=show_score,
    )
    choices = section_add(
        actor=actor, test=test, name_id="Pilihan ganda", name_en="Multiple choice", draw_count=choice_draw
    )
    for index in range(choice_pool):
        question_add(
            actor=actor,
            section=choices,
            kind=QuestionKind.CHOICE,
            text_id=f"Harga 3 barang @Rp5.000 adalah? ({index + 1})",
            text_en=f"Three items at Rp5,000 cost? ({index + 1})",
            points=Decimal(1),
            options=choice_options(),
        )
    if number:
        numbers = section_add(actor=actor, test=test, name_id="Angka", name_en="Numbers", draw_count=0)
        question_add(
            actor=actor,
            section=numbers,
            kind=QuestionKind.NUMBER,
            text_id="Berapa 10% dari 125?",
            text_en="What is 10% of 125?",
            points=Decimal(1),
            answer_number=Decimal("12.5"),
            tolerance=Decimal("0.1"),
        )
    if text or file:
        open_section = section_add(
            actor=actor, test=test, name_id="Uraian", name_en="Open answers", draw_count=0
        )
        if text:
            question_add(
                actor=actor,
                section=open_section,
                kind=QuestionKind.TEXT,
                text_id="Bagaimana Anda menanggapi pelanggan yang marah?",
                text_en="How do you answer an angry customer?",
                points=Decimal(4),
                rubric=[("Empati", "Empathy"), ("Solusi", "Solution")],
            )
        if file:
            question_add(
                actor=actor,
                section=open_section,
                kind=QuestionKind.FILE,
                text_id="Unggah contoh surat balasan keluhan.",
                text_en="Upload a sample reply to a complaint.",
                points=Decimal(2),
            )
    return test


def online_test_sent(
    *,
    application: Application,
    test: OnlineTest | None = None,
    actor: User | None = None,
    due_at: datetime | None = None,
) -> tuple[Attempt, str]:
    """The test sent to the application's candidate: the attempt and the link's token."""
    attempt, issued = online_test_send(
        actor=actor or factory_hr_admin(),
        application=application,
        test=test or online_test_make(),
        due_at=due_at or timezone.now() + timedelta(days=3),
    )
    return attempt, issued.token

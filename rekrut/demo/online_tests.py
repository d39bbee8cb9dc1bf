"""Rekrut's own online test for the demo company: an online assessment type and its test (a drawn pool of
multiple-choice questions, a number question and a short text with a rubric), sent to the applications
waiting in an assessment stage: the first has it open, the second took it and was reviewed. Through the
services; a second run changes nothing. Call `online_tests_demo(users)` after `interviews_demo_build()`."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from rekrut.accounts.models import User
from rekrut.assessments.models import AssessmentKind, AssessmentType, Delivery, ResultShape
from rekrut.assessments.services.types import assessment_type_create
from rekrut.jobs.models import StageKind
from rekrut.online_tests.models import Attempt, OnlineTest, QuestionKind
from rekrut.online_tests.services.building import OptionText, online_test_save, question_add, section_add
from rekrut.online_tests.services.review import Mark, attempt_review
from rekrut.online_tests.services.sending import online_test_send
from rekrut.online_tests.services.taking import answers_save, attempt_start, attempt_submit
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus

TYPE_NAME = "Tes Online Numerik & Layanan"

CHOICES = [
    (
        "Pelanggan membeli 3 barang @Rp25.000. Berapa totalnya?",
        "A customer buys 3 items at Rp25,000. Total?",
        ["*Rp75.000", "Rp50.000", "Rp100.000", "Rp70.000"],
    ),
    (
        "Diskon 20% dari Rp150.000 adalah?",
        "A 20% discount on Rp150,000 is?",
        ["*Rp30.000", "Rp20.000", "Rp15.000", "Rp35.000"],
    ),
    (
        "Kiriman dijanjikan 3 hari kerja sejak Jumat. Kapan paling lambat tiba?",
        "A parcel is promised in 3 working days from Friday. When at the latest?",
        ["*Rabu", "Senin", "Selasa", "Kamis"],
    ),
    (
        "Pelanggan menelepon dengan nada marah. Langkah pertama yang tepat?",
        "A customer calls, angry. The right first step?",
        [
            "*Mendengarkan sampai selesai",
            "Langsung menawarkan kompensasi",
            "Memindahkan ke atasan",
            "Menutup telepon",
        ],
    ),
    (
        "Dari 40 tiket, 30 selesai hari ini. Berapa persen yang selesai?",
        "Of 40 tickets, 30 are done today. What percent?",
        ["*75%", "70%", "80%", "30%"],
    ),
]


def _test(hr: User) -> OnlineTest:
    kind = AssessmentType.objects.filter(name_id=TYPE_NAME).first() or assessment_type_create(
        actor=hr,
        data={
            "name_id": TYPE_NAME,
            "name_en": "Online numeracy & service test",
            "kind": AssessmentKind.SKILLS,
            "shape": ResultShape.SCORE,
            "delivery": Delivery.ONLINE,
            "max_score": Decimal(100),
            "pass_mark": Decimal(65),
            "duration_minutes": 25,
            "measures_id": "Berhitung dalam pekerjaan sehari-hari dan cara melayani pelanggan.",
            "measures_en": "Everyday numeracy at work and how you serve customers.",
        },
    )
    existing = OnlineTest.objects.filter(assessment_type=kind).first()
    if existing is not None:
        return existing
    test = online_test_save(
        actor=hr,
        assessment_type=kind,
        name_id="Tes Numerik & Layanan Pelanggan",
        name_en="Numeracy & customer service test",
        instructions_id="Kerjakan sendiri. Kalkulator boleh dipakai.",
        instructions_en="Work on your own. You may use a calculator.",
        time_limit_minutes=25,
        show_score_to_candidate=True,
    )
    choices = section_add(
        actor=hr, test=test, name_id="Pilihan ganda", name_en="Multiple choice", draw_count=3
    )
    for text_id, text_en, options in CHOICES:
        question_add(
            actor=hr,
            section=choices,
            kind=QuestionKind.CHOICE,
            text_id=text_id,
            text_en=text_en,
            points=Decimal(1),
            options=[OptionText(o.lstrip("*"), "", o.startswith("*")) for o in options],
        )
    numbers = section_add(actor=hr, test=test, name_id="Hitungan", name_en="Numbers", draw_count=0)
    question_add(
        actor=hr,
        section=numbers,
        kind=QuestionKind.NUMBER,
        text_id="Gaji Rp5.400.000 dipotong BPJS Kesehatan 1%. Berapa potongannya (Rupiah)?",
        text_en="A Rp5,400,000 salary has 1% BPJS Kesehatan deducted. How much (Rupiah)?",
        points=Decimal(2),
        answer_number=Decimal(54000),
        tolerance=Decimal(0),
    )
    writing = section_add(actor=hr, test=test, name_id="Uraian singkat", name_en="Short answer", draw_count=0)
    question_add(
        actor=hr,
        section=writing,
        kind=QuestionKind.TEXT,
        text_id="Tulis balasan singkat untuk pelanggan yang paketnya terlambat dua hari.",
        text_en="Write a short reply to a customer whose parcel is two days late.",
        points=Decimal(3),
        rubric=[("Empati", "Empathy"), ("Solusi jelas", "Clear solution")],
    )
    return test


def online_tests_demo(users: dict[str, User]) -> int:
    """Returns how many applications were sent the test now (0 on a second run)."""
    hr = users["sari"]
    test = _test(hr)
    waiting = list(
        Application.objects.filter(status=ApplicationStatus.ACTIVE, stage__kind=StageKind.ASSESSMENT)
        .exclude(assessments__online_attempt__isnull=False)
        .select_related("job", "candidate")
        .order_by("pk")[:2]
    )
    for index, application in enumerate(waiting):
        if not application.candidate.email:
            continue
        attempt, _ = online_test_send(
            actor=hr, application=application, test=test, due_at=timezone.now() + timedelta(days=3)
        )
        if index == 1:
            _taken(attempt, reviewer=hr)
    return len(waiting)


def _taken(attempt: Attempt, *, reviewer: User) -> None:
    started = attempt_start(attempt=attempt, consent=True, language="id", rng=random.Random(7))
    values = {}
    for answer in started.answers.select_related("question"):
        question = answer.question
        if question.kind == QuestionKind.CHOICE:
            values[answer.position] = str(question.options.get(is_correct=True).pk)
        elif question.kind == QuestionKind.NUMBER:
            values[answer.position] = "54.000"
        else:
            values[answer.position] = (
                "Mohon maaf atas keterlambatannya. Paket Anda kami lacak dan tiba besok."
            )
    answers_save(attempt=started, values=values)
    submitted = attempt_submit(attempt=started)
    marks = {a.pk: Mark(ratings={"c1": 4, "c2": 3}) for a in submitted.answers.filter(points=None)}
    attempt_review(actor=reviewer, attempt=submitted, marks=marks, expected_version=submitted.version)

"""From the decision to the first day in a real browser, with nothing stubbed after the interviews: HR
records the evaluation's decision, plans the medical check-up and records "fit"; HR drafts an offer, the HR
admin and the hiring manager approve it on their pages, HR sends it; the candidate accepts on a phone
through the link in the e-mail Rekrut queued; HR generates the contract, marks it sent and records both
signatures with the signed scan; HR starts the onboarding, the new employee gives their details on a phone
through their e-mailed link, HR ticks the rest and marks the hire; the job, filled, closes.

Each person sees what is theirs to see at each step: the hiring manager the MCU's conclusion but not the
doctor's note, the candidate their offer and their own form in Bahasa Indonesia (their language), HR the
masked NIK. Set-up before the decision (the interviews and their scorecards) goes through the factories."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from rekrut.contracts.models import Contract, ContractStatus
from rekrut.events.models import AuditEvent
from rekrut.jobs.models import JobStatus, StageKind
from rekrut.medical.models import MedicalCheck
from rekrut.notifications.models import Channel, OutboxMessage
from rekrut.offers.models import Offer, OfferStatus
from rekrut.onboarding.models import Onboarding
from rekrut.pipeline.models import Application
from rekrut.pipeline.transitions import ApplicationStatus
from tests.candidates.filebuilders import pdf_bytes
from tests.interviews.conftest import held, rounds_of, submit
from tests.medical.factories import PackageFactory, ProviderFactory, health_access_give, png_bytes
from tests.onboarding.factories import NIK
from tests.pipeline.factories import application_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
CANDIDATE = "Putri Maharani"
EMAIL = "putri@example.com"
NOTE = "Tekanan darah normal; tidak ada catatan khusus."


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def _link_in_mail(to: str, pattern: str) -> str:
    """The link in the latest e-mail queued for `to`: what the person would click in their inbox."""
    message = OutboxMessage.objects.filter(to=to, channel=Channel.EMAIL).latest("pk")
    found = re.search(pattern, message.body)
    assert found, message.body
    return _path(found.group(0))


def _id(text: str) -> str:
    """What the candidate reads: their language is Bahasa Indonesia, Rekrut's default."""
    with translation.override("id"):
        return gettext(text)


def _fits_the_phone(phone) -> None:
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways on a phone ({width}px)"


@pytest.fixture
def decided_on_by_nobody_yet(personas, team_a_job, settings, tmp_path):
    """Putri had her HR interview (Rina: yes) and her user interview (Budi: strong yes); the evaluation
    waits for HR's decision."""
    settings.MEDIA_ROOT = tmp_path / "media"
    ProviderFactory()
    PackageFactory()
    application = application_make(
        job=team_a_job, stage_kind=StageKind.USER_INTERVIEW, full_name=CANDIDATE, email=EMAIL
    )
    plan = rounds_of(team_a_job)
    submit(held(application, plan["hr"], [personas.recruiter]), personas.recruiter, "yes")
    user_interview = held(application, plan["user"], [personas.hiring_manager], hours_ago=2)
    submit(user_interview, personas.hiring_manager, "strong_yes", rating=4)
    assert team_a_job.headcount == 1
    return application


def test_from_the_decision_to_the_first_day(
    browser, live_server, page, sign_in, personas, team_a_job, decided_on_by_nobody_yet, tmp_path
):
    application = decided_on_by_nobody_yet
    recruiter = health_access_give(personas.recruiter)
    board = reverse("desk:board", args=[team_a_job.pk])

    # 1. HR records the decision on the evaluation page: on to the medical check-up.
    sign_in(recruiter).goto(reverse("interviews:evaluation", args=[application.pk]))
    decide = page.locator("#decide")
    decide.get_by_label("Proceed").check()
    decide.get_by_label("Go on to").select_option(label="Medical check-up")
    decide.get_by_label("Why (recorded with the decision)").fill("Both interviews say yes.")
    decide.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("status").first).to_be_visible()
    application.refresh_from_db()
    assert application.stage.kind == StageKind.MEDICAL

    # 2. HR plans the MCU and records the result "Fit" with the doctor's note.
    mcu = reverse("medical:application", args=[application.pk])
    page.goto(mcu)
    when = timezone.localtime(timezone.now() + timedelta(days=2)).replace(hour=8, minute=0)
    page.get_by_label("Clinic or hospital").select_option(label="Klinik Sehat Sentosa (Jakarta Selatan)")
    page.get_by_label("Package").first.select_option(label="Paket Pra-kerja Uji")
    page.get_by_label("Appointment").first.fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Plan", exact=True).click()
    expect(page.locator(".medical-current")).to_contain_text("Klinik Sehat Sentosa")
    page.get_by_label("Fit", exact=True).check()
    page.get_by_label("Doctor's note (health data)").fill(NOTE)
    page.get_by_role("button", name="Save the result").click()
    expect(page.locator(".medical-current [data-conclusion]")).to_have_text("Fit")
    assert MedicalCheck.objects.get(application=application).conclusion == "fit"

    # The hiring manager sees the conclusion, never the note (health data, UU 27/2022 Ps 4, P2).
    sign_in(personas.hiring_manager).goto(mcu)
    expect(page.locator(".medical-current [data-conclusion]")).to_have_text("Fit")
    expect(page.get_by_text(NOTE)).to_have_count(0)

    # With a result recorded, the MCU stage lets the application go: HR moves it to the offer on the board.
    sign_in(recruiter).goto(board)
    card = page.locator(f"#app-{application.pk}")
    expect(card.locator(".blockers")).to_have_count(0)
    card.get_by_role("button", name=f"Move {CANDIDATE} to Offer").click()
    expect(page.get_by_role("status")).to_contain_text(f"{CANDIDATE} moved to Offer.")

    # 3. HR drafts the offer and submits it; the HR admin, then the hiring manager, approve on the page.
    offer_page = reverse("offers:detail", args=[application.pk])
    page.goto(reverse("offers:edit", args=[application.pk]))
    page.get_by_label("Base salary (Rp per month)").fill("7.000.000")
    page.get_by_role("button", name="Save the draft").click()
    expect(page).to_have_url(re.compile(re.escape(offer_page) + "$"))
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.locator('[data-step="hr"]')).to_have_attribute("data-state", "waiting")
    expect(page.get_by_role("button", name="Send to the candidate")).to_have_count(0)

    sign_in(personas.hr_admin).goto(offer_page)
    page.get_by_role("button", name="Approve").click()
    expect(page.locator('[data-step="hr"]')).to_have_attribute("data-state", "approved")
    expect(page.locator('[data-step="manager"]')).to_have_attribute("data-state", "waiting")

    sign_in(personas.hiring_manager).goto(offer_page)
    expect(page.locator('[data-step="manager"]')).to_contain_text("Budi")
    page.get_by_role("button", name="Approve").click()
    expect(page.locator('[data-step="manager"]')).to_have_attribute("data-state", "approved")
    # Approved, but only HR sends it.
    expect(page.get_by_role("button", name="Send to the candidate")).to_have_count(0)

    sign_in(recruiter).goto(offer_page)
    page.get_by_role("button", name="Send to the candidate").click()
    expect(page.locator('p[data-offer-state="sent"]')).to_be_visible()

    # 4. The candidate opens the link in their e-mail on a phone and accepts, in Bahasa Indonesia.
    letter = _link_in_mail(EMAIL, r"https?://\S+/offers/letter/[A-Za-z0-9_-]{43}/")
    phone_context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True, locale="id-ID"
    )
    phone = phone_context.new_page()
    phone.goto(letter)
    expect(phone.locator("html")).to_have_attribute("lang", "id")
    expect(phone.get_by_text("Rp7.000.000").first).to_be_visible()
    _fits_the_phone(phone)
    phone.get_by_label(_id("I have read the offer and accept it.")).check()
    phone.get_by_role("button", name=_id("Accept the offer")).click()
    expect(phone.locator('[data-offer-state="accepted"]')).to_be_visible()
    _fits_the_phone(phone)
    offer = Offer.objects.get(application=application)
    assert offer.status == OfferStatus.ACCEPTED

    page.goto(offer_page)
    expect(page.locator('p[data-offer-state="accepted"]')).to_be_visible()

    # The accepted offer lets the application go on to the contract.
    page.goto(board)
    page.locator(f"#app-{application.pk}").get_by_role("button", name=f"Move {CANDIDATE} to Contract").click()
    expect(page.get_by_role("status")).to_contain_text(f"{CANDIDATE} moved to Contract.")

    # 5. HR generates the contract, marks it sent, records both signatures with the signed scans.
    contract_page = reverse("contracts:detail", args=[application.pk])
    page.goto(contract_page)
    page.get_by_role("button", name="Generate the contract").click()
    form = {
        "Company name": "PT Nusantara Maju Bersama",
        "Company address": "Jl. Jenderal Sudirman Kav. 52, Jakarta Selatan",
        "Company's line of business": "Perdagangan eceran",
        "Worker's date of birth": "1996-05-20",
        "Worker's address": "Jl. Melati No. 7, Bandung",
        "Pay day of the month": "25",
        "Place of signing": "Jakarta",
        "Date of signing": timezone.localdate().isoformat(),
        "Signatory's position": "Direktur",
    }
    for label, value in form.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_label("Worker's sex").select_option(index=2)
    page.get_by_label("How the wage is paid").select_option(index=1)
    page.get_by_role("button", name="Generate the contract").click()
    expect(page).to_have_url(re.compile(re.escape(contract_page) + "$"))
    document = page.get_by_role("button", name="Contract (PDF, Bahasa Indonesia)")
    expect(document).to_be_visible()
    pdf = page.request.get(document.get_attribute("href") or "")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"

    page.get_by_role("button", name="Mark as sent").click()
    today = timezone.localdate().isoformat()
    scan = tmp_path / "kontrak-ttd.pdf"
    scan.write_bytes(pdf_bytes("Kontrak kerja ditandatangani"))
    page.get_by_label("Signed on").fill(today)
    page.get_by_label("Scan of the signed contract (PDF, JPEG or PNG, at most 10 MB)").set_input_files(
        str(scan)
    )
    page.get_by_role("button", name="Record the candidate's signature").click()
    expect(page.get_by_role("heading", name="Signed by the company")).to_be_visible()
    page.get_by_label("Signed on").fill(today)
    page.get_by_label("Scan of the signed contract (PDF, JPEG or PNG, at most 10 MB)").set_input_files(
        str(scan)
    )
    page.get_by_role("button", name="Record the company's signature").click()
    expect(page.get_by_role("heading", name="Signed scans")).to_be_visible()
    contract = Contract.objects.get(application=application)
    assert contract.status == ContractStatus.SIGNED
    assert contract.scans.count() == 2
    if contract.is_pkwt:
        # A PKWT is registered within 3 working days of signing (PP 35/2021 Ps 13-14, C6).
        expect(page.locator("#registration-due")).to_contain_text("Register it by")

    # 6. HR starts the onboarding and sends the new employee their link.
    onboarding_page = reverse("onboarding:application", args=[application.pk])
    page.goto(onboarding_page)
    page.get_by_role("button", name="Start the onboarding").click()
    expect(page.locator("#checklist")).to_be_visible()
    expect(page.get_by_role("button", name="Mark as hired")).to_be_disabled()
    page.get_by_role("button", name="Send a new link").click()
    expect(page.get_by_role("status").first).to_be_visible()

    # The new employee gives their numbers, bank account and documents on a phone, through the e-mail.
    documents = _link_in_mail(EMAIL, r"https?://\S+/onboarding/documents/[A-Za-z0-9_-]{43}/")
    phone.goto(documents)
    expect(phone.locator("html")).to_have_attribute("lang", "id")
    _fits_the_phone(phone)
    photo = tmp_path / "ktp.png"
    photo.write_bytes(png_bytes(60, 40))
    diploma = tmp_path / "ijazah.png"
    diploma.write_bytes(png_bytes(60, 40))
    phone.get_by_label(_id("NIK (16 digits, on your KTP)")).fill(NIK)
    phone.get_by_label(_id("NPWP"), exact=True).fill(NIK)
    phone.get_by_label(_id("Bank"), exact=True).select_option(label="BCA (Bank Central Asia)")
    phone.get_by_label(_id("Account number")).fill("1234567890")
    phone.get_by_label(_id("Account holder's name")).fill(CANDIDATE)
    upload = re.escape(_id("Photo or scan: %(document)s").partition("%(document)s")[0])
    phone.get_by_label(re.compile(upload + ".*KTP")).set_input_files(str(photo))
    phone.get_by_label(re.compile(upload + ".*[Ii]jazah")).set_input_files(str(diploma))
    phone.get_by_role("button", name=_id("Save"), exact=True).click()
    expect(phone.get_by_text(_id("Thank you: your details are saved."))).to_be_visible()
    expect(phone.get_by_text("3174********0001")).to_be_visible()
    _fits_the_phone(phone)
    phone_context.close()

    # 7. HR sees the NIK masked, ticks what is left, and marks the hire.
    page.goto(onboarding_page)
    expect(page.locator("[data-nik]")).to_have_text("3174********0001")
    expect(page.get_by_text("2 required items are still open.")).to_be_visible()
    for item in ("Choose a buddy for the first month", "Prepare the laptop and the e-mail account"):
        page.get_by_role("button", name=f"Tick “{item}”").click()
        expect(page.get_by_role("button", name=f"Tick “{item}”")).to_have_count(0)
    page.get_by_role("button", name="Mark as hired").click()
    expect(page.get_by_text("Hired: the new employee's record is on its way to payroll.")).to_be_visible()
    expect(page.locator(".badge.ok", has_text="Handed off")).to_be_visible()

    hired = Application.objects.select_related("job", "stage").get(pk=application.pk)
    assert (hired.status, hired.stage.kind) == (ApplicationStatus.HIRED, StageKind.ONBOARDING)
    assert Onboarding.objects.get(application=application).handed_off_at is not None
    # Filled (headcount 1): the job closed in the hire's own move, with the audit row saying so.
    assert hired.job.status == JobStatus.CLOSED
    assert AuditEvent.objects.filter(action="job.filled", subject_id=team_a_job.pk).count() == 1

    # The hiring manager sees the hire on the board and the job closed on the jobs list.
    sign_in(personas.hiring_manager).goto(board)
    expect(page.locator(f"#app-{application.pk} .badge.ok", has_text="Hired")).to_be_visible()
    page.goto(reverse("desk:jobs") + "?status=closed")
    expect(page.get_by_text(team_a_job.title).first).to_be_visible()

"""Candidate search: every typed word is in the name, e-mail or CV text, in any order and with other words
between ("Putri Siregar" finds "Putri Anggraini Siregar"), ignoring case and accents ("Bogazici" finds
"Boğaziçi" and the other way round); or the query is the phone number.

On SQLite the words of three characters or more are answered by an FTS5 trigram index over folded text,
kept up to date by triggers; on PostgreSQL by pg_trgm indexes on rekrut_fold(column) (candidates migrations
0003 and 0007). Whatever answers it, the results must be those of a plain-Python reference of the same
rules, whatever the user types.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekrut.accounts.services import api_token_create
from rekrut.candidates import services
from rekrut.candidates.folding import text_fold
from rekrut.candidates.models import Candidate
from rekrut.candidates.selectors import candidate_text_match
from rekrut.pipeline.access import candidates_visible_to
from rekrut.pipeline.search import CandidateFilters, candidates_search
from tests.candidates.factories import CandidateFactory
from tests.pipeline.factories import application_make

pytestmark = pytest.mark.django_db

only_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite only")
only_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm indexes: PostgreSQL")

PEOPLE = [
    {
        "full_name": "Dewi Saputra",
        "email": "dewi.saputra@gmail.com",
        "cv_text": "Pengalaman 3 tahun kasir di Alfamart. Keahlian: Microsoft Excel, layanan pelanggan.",
    },
    {
        "full_name": "Bambang Suryadi",
        "email": "bambang@yahoo.co.id",
        "cv_text": "Lulusan S1 Akuntansi Universitas Gadjah Mada. Menguasai SAP dan pajak (PPh 21).",
    },
    {
        "full_name": "Stéfanus Réné Siregar",
        "email": "rene.siregar@example.com",
        "cv_text": "Désainer grafis; Adobe Illustrator & Photoshop. Bahasa: Indonesia, English, Français.",
    },
    {
        "full_name": "Nur'aini Hasibuan",
        "email": "nur.aini+kerja@example.co.id",
        "cv_text": 'Motto: "kerja keras" * sukses. C++, C#, SQL. Sertifikat BNSP OR K3 NEAR(kantor) a:b ^ini',
    },
    {
        "full_name": "Putu Ayu Wulandari",
        "email": "putu_ayu@example.com",
        "cv_text": "Staf administrasi (part-time), target 50% tercapai. Path C:\\Users\\putu.",
    },
    {"full_name": "Ahmad Fauzi", "email": "", "cv_text": ""},
    {
        "full_name": "Putri Anggraini Siregar",
        "email": "putri.siregar@example.com",
        "cv_text": "S1 Psikologi, Boğaziçi Üniversitesi (İstanbul). Staf HRD; SAP SuccessFactors.",
    },
]

# What the user types -> whom they find. Each row is also checked against the plain-Python reference.
DEWI, BAMBANG, RENE, NUR = "Dewi Saputra", "Bambang Suryadi", "Stéfanus Réné Siregar", "Nur'aini Hasibuan"
PUTU, AHMAD, PUTRI = "Putu Ayu Wulandari", "Ahmad Fauzi", "Putri Anggraini Siregar"
QUERIES = [
    ("Saputra", {DEWI}),
    ("saputra", {DEWI}),
    ("SAPUTRA", {DEWI}),
    ("  dewi saputra  ", {DEWI}),
    # Words, not a phrase: any order, any spacing, other words between (issue 7).
    ("dewi  saputra", {DEWI}),
    ("saputra dewi", {DEWI}),
    ("Putri Siregar", {PUTRI}),
    ("siregar putri", {PUTRI}),
    ("siregar", {RENE, PUTRI}),
    ("putri hrd", {PUTRI}),  # one word in the name, one in the CV
    ("putri kasir", set()),
    ("wi Sap", {DEWI}),
    ("dewi.sap", {DEWI}),
    ("@gmail", {DEWI}),
    ("EXAMPLE.CO", {RENE, NUR, PUTU, PUTRI}),
    ("microsoft excel", {DEWI}),
    ("excel microsoft", {DEWI}),
    ("Gadjah Mada", {BAMBANG}),
    # Accents fold on both sides (issue 7: "Bogazici" did not find "Boğaziçi").
    ("Bogazici", {PUTRI}),
    ("boğaziçi", {PUTRI}),
    ("BOĞAZİÇİ ÜNİVERSİTESİ", {PUTRI}),
    ("istanbul", {PUTRI}),
    ("universitesi", {PUTRI}),
    ("Stefanus", {RENE}),
    ("Réné", {RENE}),
    ("rene siregar", {RENE}),
    ("réné siregar", {RENE}),
    ("désainer", {RENE}),
    ("DESAINER", {RENE}),
    ("FRANçAIS", {RENE}),
    ("francais", {RENE}),
    ("ahmad", {AHMAD}),
    ("uza", set()),
    ("tidak ada", set()),
    # Words of one and two characters: no trigram holds them. The name and e-mail (folded) and the CV
    # text (ignoring case) are read.
    ("pph 21", {BAMBANG}),
    ("S1 akuntansi", {BAMBANG}),
    ("s1", {BAMBANG, PUTRI}),
    ("é", {DEWI, BAMBANG, RENE, NUR, PUTU, PUTRI}),  # "e", folded: in nearly every name or e-mail
    ("Ré", {RENE, PUTRI}),
    ("fa", {DEWI, RENE, AHMAD, PUTRI}),
    ("q", {NUR}),
    ("'", {NUR}),
    # FTS5 query syntax and LIKE wildcards are text to look for.
    ('"', {NUR}),
    ('"kerja keras"', {NUR}),
    ('"kerja', {NUR}),
    ('""', set()),
    ("*", {NUR}),
    ("* sukses", {NUR}),
    ("kerj*", set()),
    ("sap*", set()),
    ("BNSP OR K3", {NUR}),
    ("Dewi OR Bambang", set()),
    ("OR", {NUR, RENE, PUTRI}),  # "Illustrator", "SuccessFactors"
    ("AND", {PUTU}),
    ("AND Dewi", set()),
    ("NOT Dewi", set()),
    ("NEAR(", {NUR}),
    ("NEAR(kantor)", {NUR}),
    ("NEAR(Dewi Saputra)", set()),
    ("a:b", {NUR}),
    ("full_name:Dewi", set()),
    ("cv_text:Excel", set()),
    ("{full_name email}:dewi", set()),
    ("^ini", {NUR}),
    ("^Dewi", set()),
    ("Nur'aini", {NUR}),
    ("nur.aini+kerja", {NUR}),
    ("C++", {NUR}),
    ("c#,", {NUR}),
    ("50%", {PUTU}),
    ("%", {PUTU}),
    ("_", {PUTU}),
    ("putu_ayu", {PUTU}),
    ("putu%ayu", set()),
    ("(part-time)", {PUTU}),
    ("c:\\users", {PUTU}),
    ("\\", {PUTU}),
    ("-", {PUTU}),
]


@pytest.fixture
def people(personas):
    created = [CandidateFactory(created_by=personas.hr_admin, **person) for person in PEOPLE]
    # An older record of Dewi, merged into the one above: never listed, whatever matches it.
    CandidateFactory(
        full_name="Dewi Saputra",
        email="dewi.saputra@gmail.com",
        cv_text="Kasir. Microsoft Excel. Gadjah Mada. Kode rahasia: zambrut.",
        merged_into=created[0],
    )
    return created


def found(user, query: str) -> set[str]:
    return {c.full_name for c in candidates_search(user=user, filters=CandidateFilters(query=query))}


def _ascii_lower(text: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def _word_found(word: str, full_name: str, email: str, cv_text: str) -> bool:
    if word in text_fold(full_name) or word in text_fold(email):
        return True
    if len(word) >= 3:
        return word in text_fold(cv_text)
    return word in _ascii_lower(cv_text)  # as the database's case-insensitive LIKE reads it


def found_by_reference(user, query: str) -> set[str]:
    """The reference: the rules above, in plain Python over every candidate the user may see."""
    words = [word for word in (text_fold(typed) for typed in query.replace("\x00", " ").split()) if word]
    rows = candidates_visible_to(user=user).values_list("full_name", "email", "cv_text")
    return {row[0] for row in rows if all(_word_found(word, *row) for word in words)}


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_finds_what_the_reference_finds(personas, people, query, expected):
    assert found(personas.hr_admin, query) == expected
    assert found_by_reference(personas.hr_admin, query) == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_typed_text_finds_what_the_reference_finds(personas, people, data):
    """Text drawn from the records (with letters' case changed) or made of query-syntax characters."""
    corpus = " ".join(f"{p['full_name']} {p['email']} {p['cv_text']}" for p in PEOPLE)
    start = data.draw(st.integers(0, len(corpus) - 1))
    piece = corpus[start : start + data.draw(st.integers(1, 12))]
    # Only ASCII letters change case: a short word is read in the CV as LIKE does, folding no others.
    flips = data.draw(st.lists(st.booleans(), min_size=len(piece), max_size=len(piece)))
    piece = "".join(
        ch.swapcase() if flip and ch.isascii() else ch for ch, flip in zip(piece, flips, strict=True)
    )
    syntax = data.draw(st.text(alphabet="\"*^:()'+-%_\\ {}.ORANDNEAéğİ", min_size=1, max_size=8))
    query = data.draw(st.sampled_from([piece, syntax, piece + syntax, syntax + piece]))
    assert found(personas.hr_admin, query) == found_by_reference(personas.hr_admin, query)


def test_merged_records_are_not_found(personas, people):
    assert found(personas.hr_admin, "zambrut") == set()
    assert found_by_reference(personas.hr_admin, "zambrut") == set()
    assert len(candidates_search(user=personas.hr_admin, filters=CandidateFilters(query="saputra"))) == 1


def test_a_phone_number_finds_its_owner(personas, people):
    owner = CandidateFactory(full_name="Rudi Hartono", phone="+6281233334444")
    assert found(personas.hr_admin, "0812-3333-4444") == {owner.full_name}
    assert found(personas.hr_admin, "+62 812 3333 4444") == {owner.full_name}


def test_edited_records_are_found_by_their_new_text_only(personas, people):
    dewi = people[0]
    services.candidate_update(
        actor=personas.hr_admin, candidate=dewi, loaded_version=None, full_name="Dewi Lestari"
    )
    assert found(personas.hr_admin, "Saputra") == {"Dewi Lestari"}  # still in her e-mail
    services.candidate_update(
        actor=personas.hr_admin, candidate=dewi, loaded_version=None, email="dewi@outlook.com"
    )
    assert found(personas.hr_admin, "Saputra") == set()
    assert found(personas.hr_admin, "lestari") == {"Dewi Lestari"}
    assert found(personas.hr_admin, "outlook") == {"Dewi Lestari"}
    # Writes that bypass the model (bulk updates) are indexed too.
    Candidate.objects.filter(pk=dewi.pk).update(cv_text="Barista di Kopi Kenangan. Café Gégé.")
    assert found(personas.hr_admin, "alfamart") == set()
    assert found(personas.hr_admin, "kopi kenangan") == {"Dewi Lestari"}
    assert found(personas.hr_admin, "cafe gege") == {"Dewi Lestari"}


def test_deleted_records_are_not_found(personas, people):
    people[1].delete()
    Candidate.objects.filter(full_name__startswith="Putu").delete()
    assert found(personas.hr_admin, "Gadjah") == set()
    assert found(personas.hr_admin, "part-time") == set()
    assert found(personas.hr_admin, "pelanggan") == {"Dewi Saputra"}


def test_records_added_in_bulk_are_found(personas, people):
    Candidate.objects.bulk_create(
        [Candidate(full_name=f"Impor {n}", cv_text=f"Operator gudang {n}") for n in range(3)]
    )
    assert found(personas.hr_admin, "operator gudang") == {"Impor 0", "Impor 1", "Impor 2"}


def test_search_keeps_to_what_the_user_may_see(personas, team_a_job, team_b_job):
    application_make(job=team_a_job, full_name="Siti Saputra")
    application_make(job=team_b_job, full_name="Agus Saputra")
    CandidateFactory(full_name="Rina's Saputra", created_by=personas.recruiter)
    CandidateFactory(full_name="Nobody's Saputra")

    assert found(personas.recruiter, "saputra") == {"Siti Saputra", "Rina's Saputra"}
    assert found(personas.hiring_manager, "saputra") == {"Siti Saputra"}
    assert found(personas.other_manager, "saputra") == {"Agus Saputra"}
    assert found(personas.outsider, "saputra") == set()
    assert found(personas.hr_admin, "saputra") == {
        "Siti Saputra",
        "Agus Saputra",
        "Rina's Saputra",
        "Nobody's Saputra",
    }
    for user in personas.all().values():
        assert found(user, "saputra") == found_by_reference(user, "saputra")


def test_the_page_and_the_api_show_the_matches_and_their_count(personas, people, client_for):
    CandidateFactory(full_name="Eko Saputra", cv_text="Sopir")
    page = client_for(personas.hr_admin).get(reverse("desk:candidates"), {"q": "SAPUTRA"})
    text = page.content.decode()
    assert "2 candidates" in text
    assert "Dewi Saputra" in text
    assert "Eko Saputra" in text
    assert "Bambang" not in text

    _, key = api_token_create(user=personas.hr_admin, name="tests")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert api.get("/api/v1/candidates", {"q": 'saputra" OR "bambang'}).json()["count"] == 0
    listed = api.get("/api/v1/candidates", {"q": "saputra"}).json()
    assert listed["count"] == 2
    assert {item["full_name"] for item in listed["items"]} == {"Dewi Saputra", "Eko Saputra"}


@only_sqlite
def test_sqlite_answers_three_characters_or_more_from_the_index(personas, people):
    for query, uses_index in [("Saputra", True), ("sap", True), ("sa", False), ("sa putra", True)]:
        with CaptureQueriesContext(connection) as captured:
            found(personas.hr_admin, query)
        assert ("candidate_search MATCH" in captured.captured_queries[0]["sql"]) is uses_index


@only_sqlite
@pytest.mark.parametrize("query", ["sap\x00utra", "\x00\x00\x00", 'a"\x00"b'])
def test_sqlite_takes_text_with_a_nul_character_without_failing(personas, people, query):
    """The API lets a NUL through (the page's form refuses it); FTS5 would fail on it ("unterminated
    string"), so it separates words like a space."""
    assert found(personas.hr_admin, query) == found_by_reference(personas.hr_admin, query)


@only_sqlite
def test_sqlite_index_matches_the_table_after_writes(personas, people):
    """FTS5's integrity check compares an external-content index with its table; it fails when a trigger is
    missing (e.g. after a migration rebuilt candidates_candidate, which drops the table's triggers)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'candidates_candidate'"
        )
        assert {name for (name,) in cursor.fetchall()} >= {
            "candidate_search_insert",
            "candidate_search_update",
            "candidate_search_delete",
        }
        services.candidate_update(
            actor=personas.hr_admin, candidate=people[0], loaded_version=None, full_name="Dewi S."
        )
        people[1].delete()
        Candidate.objects.filter(pk=people[2].pk).update(cv_text="Baru.", merged_into=people[3])
        cursor.execute("INSERT INTO candidate_search(candidate_search, rank) VALUES ('integrity-check', 1)")


@only_postgresql
def test_postgresql_can_answer_the_search_from_the_trigram_indexes(personas, people):
    """The indexes are on rekrut_fold(column), the very expression the search compares; if the search ever
    wrote it differently, the planner would silently stop using them."""
    queryset = Candidate.objects.filter(candidate_text_match("Saputra", vendor="postgresql"))
    with connection.cursor() as cursor:
        # A few test rows are cheaper to read than any index: make reading them all the last resort.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()
    for index in ("candidate_name_fold_trgm", "candidate_email_fold_trgm", "candidate_cv_fold_trgm"):
        assert f"Bitmap Index Scan on {index}" in plan


def test_a_shared_candidate_shows_only_the_applications_and_filters_of_the_viewers_team(
    personas, team_a_job, team_b_job, client_for
):
    """Security review: the list's job/stage columns and ?job=/?stage= filters told team A about team B."""
    shared = application_make(job=team_a_job, full_name="Sinta Wulandari").candidate
    application_make(job=team_b_job, candidate=shared)
    b_stage = team_b_job.stages.order_by("position").first()
    client = client_for(personas.recruiter)
    page = client.get(reverse("desk:candidates")).content.decode()
    assert "Sinta Wulandari" in page and team_a_job.title in page
    assert "Staf Keuangan" not in page
    for query in ({"job": team_b_job.pk}, {"stage": b_stage.pk}):
        page = client.get(reverse("desk:candidates"), query).content.decode()
        assert "Sinta Wulandari" not in page, query
    # Team B's HR owner sees the same person through their own job only.
    page = client_for(personas.other_recruiter).get(reverse("desk:candidates"), {"job": team_b_job.pk})
    assert "Sinta Wulandari" in page.content.decode() and team_a_job.title not in page.content.decode()

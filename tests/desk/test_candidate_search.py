"""Candidate search: a case-insensitive substring of the name, e-mail or CV text (or the phone number).

On SQLite the text match is answered by an FTS5 trigram index kept up to date by triggers, on PostgreSQL by
pg_trgm indexes under the plain `icontains` query (migration candidates 0003). Whatever answers it, the
results must be those of the plain `icontains` query, whatever the user types.
"""

import pytest
from django.db import connection
from django.db.models import Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rekrut.accounts.services import api_token_create
from rekrut.candidates import services
from rekrut.candidates.models import Candidate
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
]

# What the user types -> whom they find. Each row is also checked against the plain icontains query.
QUERIES = [
    ("Saputra", {"Dewi Saputra"}),
    ("saputra", {"Dewi Saputra"}),
    ("SAPUTRA", {"Dewi Saputra"}),
    ("  dewi saputra  ", {"Dewi Saputra"}),
    ("dewi  saputra", set()),  # two spaces: not a substring
    ("wi Sap", {"Dewi Saputra"}),
    ("dewi.sap", {"Dewi Saputra"}),
    ("@gmail", {"Dewi Saputra"}),
    ("EXAMPLE.CO", {"Stéfanus Réné Siregar", "Nur'aini Hasibuan", "Putu Ayu Wulandari"}),
    ("microsoft excel", {"Dewi Saputra"}),
    ("Gadjah Mada", {"Bambang Suryadi"}),
    ("pph 21", {"Bambang Suryadi"}),
    ("Réné", {"Stéfanus Réné Siregar"}),
    ("réné siregar", {"Stéfanus Réné Siregar"}),
    ("désainer", {"Stéfanus Réné Siregar"}),
    ("FRANçAIS", {"Stéfanus Réné Siregar"}),
    ("ahmad", {"Ahmad Fauzi"}),
    ("uza", set()),
    ("tidak ada", set()),
    # One and two characters: too short for trigrams, answered by the plain query.
    ("é", {"Stéfanus Réné Siregar"}),
    ("Ré", {"Stéfanus Réné Siregar"}),
    ("fa", {"Dewi Saputra", "Stéfanus Réné Siregar", "Ahmad Fauzi"}),
    ("q", {"Nur'aini Hasibuan"}),
    ("'", {"Nur'aini Hasibuan"}),
    # FTS5 query syntax and LIKE wildcards are text to look for.
    ('"', {"Nur'aini Hasibuan"}),
    ('"kerja keras"', {"Nur'aini Hasibuan"}),
    ('"kerja', {"Nur'aini Hasibuan"}),
    ('""', set()),
    ("*", {"Nur'aini Hasibuan"}),
    ("* sukses", {"Nur'aini Hasibuan"}),
    ("kerj*", set()),
    ("sap*", set()),
    ("BNSP OR K3", {"Nur'aini Hasibuan"}),
    ("Dewi OR Bambang", set()),
    ("OR", {"Nur'aini Hasibuan", "Stéfanus Réné Siregar"}),  # "Illustrator"
    ("AND", {"Putu Ayu Wulandari"}),
    ("AND Dewi", set()),
    ("NOT Dewi", set()),
    ("NEAR(", {"Nur'aini Hasibuan"}),
    ("NEAR(kantor)", {"Nur'aini Hasibuan"}),
    ("NEAR(Dewi Saputra)", set()),
    ("a:b", {"Nur'aini Hasibuan"}),
    ("full_name:Dewi", set()),
    ("cv_text:Excel", set()),
    ("{full_name email}:dewi", set()),
    ("^ini", {"Nur'aini Hasibuan"}),
    ("^Dewi", set()),
    ("Nur'aini", {"Nur'aini Hasibuan"}),
    ("nur.aini+kerja", {"Nur'aini Hasibuan"}),
    ("C++", {"Nur'aini Hasibuan"}),
    ("c#,", {"Nur'aini Hasibuan"}),
    ("50%", {"Putu Ayu Wulandari"}),
    ("%", {"Putu Ayu Wulandari"}),
    ("_", {"Putu Ayu Wulandari"}),
    ("putu_ayu", {"Putu Ayu Wulandari"}),
    ("putu%ayu", set()),
    ("(part-time)", {"Putu Ayu Wulandari"}),
    ("c:\\users", {"Putu Ayu Wulandari"}),
    ("\\", {"Putu Ayu Wulandari"}),
    ("-", {"Putu Ayu Wulandari"}),
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


def found_by_icontains(user, query: str) -> set[str]:
    """The reference: the plain query the search used before it had an index."""
    candidates = candidates_visible_to(user=user)
    if query := query.strip():
        candidates = candidates.filter(
            Q(full_name__icontains=query) | Q(email__icontains=query) | Q(cv_text__icontains=query)
        )
    return set(candidates.values_list("full_name", flat=True))


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_finds_what_icontains_finds(personas, people, query, expected):
    assert found(personas.hr_admin, query) == expected
    assert found_by_icontains(personas.hr_admin, query) == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_typed_text_finds_what_icontains_finds(personas, people, data):
    """Text drawn from the records (with letters' case changed) or made of query-syntax characters."""
    corpus = " ".join(f"{p['full_name']} {p['email']} {p['cv_text']}" for p in PEOPLE)
    start = data.draw(st.integers(0, len(corpus) - 1))
    piece = corpus[start : start + data.draw(st.integers(1, 12))]
    # Only ASCII letters change case: SQLite's LIKE, the reference, folds no other letters.
    flips = data.draw(st.lists(st.booleans(), min_size=len(piece), max_size=len(piece)))
    piece = "".join(
        ch.swapcase() if flip and ch.isascii() else ch for ch, flip in zip(piece, flips, strict=True)
    )
    syntax = data.draw(st.text(alphabet="\"*^:()'+-%_\\ {}.ORANDNEAé", min_size=1, max_size=8))
    query = data.draw(st.sampled_from([piece, syntax, piece + syntax, syntax + piece]))
    assert found(personas.hr_admin, query) == found_by_icontains(personas.hr_admin, query)


def test_merged_records_are_not_found(personas, people):
    assert found(personas.hr_admin, "zambrut") == set()
    assert found_by_icontains(personas.hr_admin, "zambrut") == set()
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
    Candidate.objects.filter(pk=dewi.pk).update(cv_text="Barista di Kopi Kenangan.")
    assert found(personas.hr_admin, "alfamart") == set()
    assert found(personas.hr_admin, "kopi kenangan") == {"Dewi Lestari"}


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
        assert found(user, "saputra") == found_by_icontains(user, "saputra")


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
    for query, uses_index in [("Saputra", True), ("sap", True), ("sa", False)]:
        with CaptureQueriesContext(connection) as captured:
            found(personas.hr_admin, query)
        assert ("candidate_search MATCH" in captured.captured_queries[0]["sql"]) is uses_index


@only_sqlite
@pytest.mark.parametrize("query", ["sap\x00utra", "\x00\x00\x00", 'a"\x00"b'])
def test_sqlite_takes_text_with_a_nul_character_without_failing(personas, people, query):
    """The API lets a NUL through (the page's form refuses it); FTS5 would fail on it ("unterminated
    string"), so such text is searched as before the index."""
    assert found(personas.hr_admin, query) == found_by_icontains(personas.hr_admin, query)


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
    """The indexes are on the very expressions Django's icontains compiles to (`UPPER("col"::text)`); if
    Django ever writes them differently, the planner silently stops using the indexes."""
    query = "saputra"
    queryset = Candidate.objects.filter(
        Q(full_name__icontains=query) | Q(email__icontains=query) | Q(cv_text__icontains=query)
    )
    with connection.cursor() as cursor:
        # A few test rows are cheaper to read than any index: make reading them all the last resort.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()
    for index in ("candidate_name_trgm", "candidate_email_trgm", "candidate_cv_trgm"):
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

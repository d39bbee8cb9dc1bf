"""A text index for candidate search (name, e-mail, CV text), one per database engine.

Search is a case-insensitive substring match. `LIKE '%…%'` cannot use an ordinary index, so every search
(and the paginator's COUNT) read all CVs. Trigrams answer a substring search from an index:

- SQLite: an FTS5 table with the trigram tokenizer (SQLite >= 3.34). It is an "external content" table: it
  holds only the index and reads the text from candidates_candidate, and triggers keep it in step with
  every write, whatever makes it (services, bulk_create, the admin, raw SQL).
- PostgreSQL: pg_trgm GIN indexes on exactly the expressions Django's `icontains` compiles to
  (`UPPER("col"::text) LIKE UPPER(%s)`), so the planner uses them for the unchanged query.

Caution for later migrations: on SQLite, Django alters a table by building a new one and dropping the old
one, and dropping a table drops its triggers. A migration that alters candidates_candidate that way must
create the three triggers below again (tests/candidates/test_search.py fails otherwise).
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE candidate_search USING fts5(
        full_name, email, cv_text,
        content='candidates_candidate', content_rowid='id', tokenize='trigram'
    )
    """,
    """
    CREATE TRIGGER candidate_search_insert AFTER INSERT ON candidates_candidate BEGIN
        INSERT INTO candidate_search(rowid, full_name, email, cv_text)
        VALUES (new.id, new.full_name, new.email, new.cv_text);
    END
    """,
    # An external content index is corrected by "deleting" the old values it was built from, then adding the
    # new ones. Only writes that touch the indexed columns need it (not e.g. setting merged_into).
    """
    CREATE TRIGGER candidate_search_update AFTER UPDATE OF id, full_name, email, cv_text
    ON candidates_candidate BEGIN
        INSERT INTO candidate_search(candidate_search, rowid, full_name, email, cv_text)
        VALUES ('delete', old.id, old.full_name, old.email, old.cv_text);
        INSERT INTO candidate_search(rowid, full_name, email, cv_text)
        VALUES (new.id, new.full_name, new.email, new.cv_text);
    END
    """,
    """
    CREATE TRIGGER candidate_search_delete AFTER DELETE ON candidates_candidate BEGIN
        INSERT INTO candidate_search(candidate_search, rowid, full_name, email, cv_text)
        VALUES ('delete', old.id, old.full_name, old.email, old.cv_text);
    END
    """,
    # Candidates that already exist.
    "INSERT INTO candidate_search(candidate_search) VALUES ('rebuild')",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS candidate_search_insert",
    "DROP TRIGGER IF EXISTS candidate_search_update",
    "DROP TRIGGER IF EXISTS candidate_search_delete",
    "DROP TABLE IF EXISTS candidate_search",
]

POSTGRESQL_FORWARD = [
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it, no superuser needed.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    (
        "CREATE INDEX candidate_name_trgm ON candidates_candidate"
        ' USING gin ((UPPER("full_name"::text)) gin_trgm_ops)'
    ),
    (
        "CREATE INDEX candidate_email_trgm ON candidates_candidate"
        ' USING gin ((UPPER("email"::text)) gin_trgm_ops)'
    ),
    (
        "CREATE INDEX candidate_cv_trgm ON candidates_candidate"
        ' USING gin ((UPPER("cv_text"::text)) gin_trgm_ops)'
    ),
]

# The extension stays: other objects in the database may use it, and it costs nothing unused.
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS candidate_name_trgm",
    "DROP INDEX IF EXISTS candidate_email_trgm",
    "DROP INDEX IF EXISTS candidate_cv_trgm",
]


def _run(schema_editor, statements_by_vendor):
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def search_index_create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite" and connection.Database.sqlite_version_info < (3, 34):
        raise RuntimeError(
            f"Candidate search needs SQLite 3.34 or later (the FTS5 trigram tokenizer); "
            f"this Python uses SQLite {connection.Database.sqlite_version}."
        )
    _run(schema_editor, {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD})


def search_index_drop(apps, schema_editor):
    _run(schema_editor, {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD})


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0002_candidateimport_language_row_count"),
    ]

    operations = [
        migrations.RunPython(search_index_create, search_index_drop),
    ]

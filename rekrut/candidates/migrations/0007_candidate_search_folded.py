"""Candidate search ignores accents: the text indexes of migration 0003 now hold folded text.

Search looks for each typed word on its own ("Putri Siregar" finds "Putri Anggraini Siregar") and compares
folded text on both sides ("Bogazici" finds "Boğaziçi"): see rekrut/candidates/folding.py.

- SQLite: the FTS5 trigram index reads its text from the view `candidate_search_source`, which folds each
  column with `rekrut_fold()` (a Python function every Django connection registers); the triggers index
  the folded text. (SQLite 3.45's `remove_diacritics` for trigram tables would fold only Latin marks, and
  this Python's SQLite is older.) A program writing to candidates_candidate outside Rekrut (the sqlite3
  shell) needs the function too, or its write fails.
- PostgreSQL: `rekrut_fold()` = lower(unaccent(text)), declared IMMUTABLE so that it can be indexed;
  pg_trgm GIN indexes on `rekrut_fold(column)` serve `rekrut_fold(column) LIKE '%word%'`. The UPPER()
  indexes of 0003 served the old whole-phrase `icontains` and go.

Caution, as in 0003: on SQLite a migration that rebuilds candidates_candidate drops its triggers; create
them again (tests/desk/test_candidate_search.py fails otherwise).
"""

from django.db import migrations

from rekrut.candidates.folding import sqlite_fold_register

COLUMNS = ("full_name", "email", "cv_text")
FOLDED_NEW = ", ".join(f"rekrut_fold(new.{c})" for c in COLUMNS)
FOLDED_OLD = ", ".join(f"rekrut_fold(old.{c})" for c in COLUMNS)

SQLITE_DROP_0003 = [
    "DROP TRIGGER IF EXISTS candidate_search_insert",
    "DROP TRIGGER IF EXISTS candidate_search_update",
    "DROP TRIGGER IF EXISTS candidate_search_delete",
    "DROP TABLE IF EXISTS candidate_search",
]

SQLITE_FORWARD = [
    *SQLITE_DROP_0003,
    """
    CREATE VIEW candidate_search_source AS
    SELECT id, rekrut_fold(full_name) AS full_name, rekrut_fold(email) AS email,
           rekrut_fold(cv_text) AS cv_text
    FROM candidates_candidate
    """,
    """
    CREATE VIRTUAL TABLE candidate_search USING fts5(
        full_name, email, cv_text,
        content='candidate_search_source', content_rowid='id', tokenize='trigram'
    )
    """,
    f"""
    CREATE TRIGGER candidate_search_insert AFTER INSERT ON candidates_candidate BEGIN
        INSERT INTO candidate_search(rowid, full_name, email, cv_text) VALUES (new.id, {FOLDED_NEW});
    END
    """,
    f"""
    CREATE TRIGGER candidate_search_update AFTER UPDATE OF id, full_name, email, cv_text
    ON candidates_candidate BEGIN
        INSERT INTO candidate_search(candidate_search, rowid, full_name, email, cv_text)
        VALUES ('delete', old.id, {FOLDED_OLD});
        INSERT INTO candidate_search(rowid, full_name, email, cv_text) VALUES (new.id, {FOLDED_NEW});
    END
    """,
    f"""
    CREATE TRIGGER candidate_search_delete AFTER DELETE ON candidates_candidate BEGIN
        INSERT INTO candidate_search(candidate_search, rowid, full_name, email, cv_text)
        VALUES ('delete', old.id, {FOLDED_OLD});
    END
    """,
    "INSERT INTO candidate_search(candidate_search) VALUES ('rebuild')",
]

# Back to 0003's index (unfolded text, read from the table itself).
SQLITE_BACKWARD = [
    *SQLITE_DROP_0003,
    "DROP VIEW IF EXISTS candidate_search_source",
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
    "INSERT INTO candidate_search(candidate_search) VALUES ('rebuild')",
]

# unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
POSTGRESQL_EXTENSION = "CREATE EXTENSION IF NOT EXISTS unaccent"
UNACCENT_SCHEMA = """
    SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent'
"""
# unaccent() itself is only STABLE (its dictionary could change); with the dictionary named, the result
# depends on the text alone, which is what an index needs.
POSTGRESQL_FUNCTION = """
    CREATE OR REPLACE FUNCTION rekrut_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower({schema}.unaccent('{schema}.unaccent'::regdictionary, $1)) $$
"""
POSTGRESQL_FORWARD = [
    *(
        f"CREATE INDEX candidate_{name}_fold_trgm ON candidates_candidate"
        f" USING gin (rekrut_fold({column}) gin_trgm_ops)"
        for name, column in (("name", "full_name"), ("email", "email"), ("cv", "cv_text"))
    ),
    "DROP INDEX IF EXISTS candidate_name_trgm",
    "DROP INDEX IF EXISTS candidate_email_trgm",
    "DROP INDEX IF EXISTS candidate_cv_trgm",
]
POSTGRESQL_BACKWARD = [
    'CREATE INDEX candidate_name_trgm ON candidates_candidate USING gin ((UPPER("full_name"::text)) gin_trgm_ops)',
    'CREATE INDEX candidate_email_trgm ON candidates_candidate USING gin ((UPPER("email"::text)) gin_trgm_ops)',
    'CREATE INDEX candidate_cv_trgm ON candidates_candidate USING gin ((UPPER("cv_text"::text)) gin_trgm_ops)',
    "DROP INDEX IF EXISTS candidate_name_fold_trgm",
    "DROP INDEX IF EXISTS candidate_email_fold_trgm",
    "DROP INDEX IF EXISTS candidate_cv_fold_trgm",
    "DROP FUNCTION IF EXISTS rekrut_fold(text)",
]


def search_fold(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        # The app registers it on every connection; here too, so the migration never depends on that.
        sqlite_fold_register(connection.connection)
        statements = SQLITE_FORWARD
    elif connection.vendor == "postgresql":
        schema_editor.execute(POSTGRESQL_EXTENSION)
        with connection.cursor() as cursor:
            cursor.execute(UNACCENT_SCHEMA)
            (schema,) = cursor.fetchone()
        statements = [
            POSTGRESQL_FUNCTION.format(schema=connection.ops.quote_name(schema)),
            *POSTGRESQL_FORWARD,
        ]
    else:
        statements = []
    for statement in statements:
        schema_editor.execute(statement)


def search_unfold(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}.get(vendor, []):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("candidates", "0006_candidateevent_codes"),
    ]

    operations = [
        migrations.RunPython(search_fold, search_unfold),
    ]

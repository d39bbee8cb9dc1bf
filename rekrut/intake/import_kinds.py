"""The kinds of import, by the code stored on the import."""

from rekrut.intake.candidate_import import CANDIDATES
from rekrut.intake.import_kind import ImportKind
from rekrut.intake.job_import import JOBS
from rekrut.intake.models import CandidateImport

KINDS: dict[str, ImportKind] = {kind.code: kind for kind in (CANDIDATES, JOBS)}


def kind_of(candidate_import: CandidateImport) -> ImportKind:
    return KINDS[candidate_import.kind]

""" "Download my data" (UU 27/2022 PDP Ps 7 access, Ps 13 portability): everything held about the person as
one machine-readable JSON document, each app's part collected through `personal_data_collectors`, the CV
part as JSON Resume (https://jsonresume.org/schema, valid against the official schema)."""

import json
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from rekrut.candidates.hooks import personal_data_collectors
from rekrut.candidates.models import Candidate
from rekrut.candidates.personal_data import person_of

FORMAT = "rekrut-personal-data/1"


def personal_data_of(candidate: Candidate) -> dict[str, Any]:
    person = person_of(candidate)
    document: dict[str, Any] = {
        "format": FORMAT,
        "generated_at": timezone.now().isoformat(),
        "controller": settings.COMPANY_NAME,
    }
    for section, data in personal_data_collectors.run(person):
        document[section] = data
    return document


def personal_data_json(candidate: Candidate) -> bytes:
    # Non-ASCII kept as written (names, cities): the file is UTF-8, readable in any editor.
    return json.dumps(
        personal_data_of(candidate), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    ).encode()

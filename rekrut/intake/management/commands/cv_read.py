"""`rekrut cv-read FILE [--json]`: what Rekrut reads from a CV, by the same code as the upload.

Without --json it prints the parts for a person to check; with --json a JSON Resume document (checked
against the schema), e.g. to compare readers or to load into another system.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from rekrut.candidates.jsonresume import resume_validate
from rekrut.core.uploads import UploadRejected
from rekrut.intake.cv.reading import resume_document
from rekrut.intake.cv.summary import cv_summary_lines
from rekrut.intake.cv_reading import SCANNED_MESSAGE, cv_read


class Command(BaseCommand):
    help = "Print what Rekrut reads from a CV (PDF or Word .docx); --json prints it as JSON Resume."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="print a JSON Resume document")
        parser.add_argument("--language", default="id", choices=["id", "en"])

    def handle(self, *args: object, **options: object) -> None:
        translation.activate(str(options["language"]))
        path = options["file"]
        assert isinstance(path, Path)
        if not path.is_file():
            raise CommandError(_("No file at %(path)s.") % {"path": path})
        try:
            extracted = cv_read(name=path.name, data=path.read_bytes())
        except UploadRejected as error:
            raise CommandError(str(error.message)) from None
        if extracted.scanned:
            raise CommandError(str(SCANNED_MESSAGE))
        if options["json"]:
            document = resume_validate(resume_document(extracted.reading))
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
            return
        for line in cv_summary_lines(extracted.reading):
            self.stdout.write(line)

"""Importing job listings from CSV or XLSX: the jobs kind of the import mechanism.

Each row becomes a job through `jobs.services.job_create`, with the importer as its HR owner and the
company's default stages. A department is found by name; a location by its name, its city, or the
place the text names (intake.places: "Lampung Selatan Regency" → Kabupaten Lampung Selatan, Lampung,
WIB). A department or location Rekrut does not have yet is added by the import when an HR admin runs
it (the preview marks it "new"); for a recruiter the row is refused, since departments and locations are
the company's structure, kept by HR admins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import ProtectedError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rekrut.accounts.models import User
from rekrut.core.errors import AccessDenied
from rekrut.core.localization import rupiah, zone_abbreviation
from rekrut.intake.columns import CANDIDATE_EXCLUDED, fields_guess
from rekrut.intake.import_kind import ImportKind, RowChecker
from rekrut.intake.import_rows import CheckedRow, Problem
from rekrut.intake.job_import_rows import (
    CellRefused,
    employment_type_read,
    headcount_read,
    salary_read,
    status_read,
    work_mode_read,
)
from rekrut.intake.models import CandidateImport
from rekrut.intake.places import place_find
from rekrut.jobs.ad_check import ad_warnings
from rekrut.jobs.models import Department, Job, JobStatus, Location
from rekrut.jobs.services import HEADCOUNT_MAX, TeamSpec, job_create

JOB_IMPORT_FIELDS: dict[str, Any] = {
    "title": _("Title"),
    "department": _("Department"),
    "location": _("Location"),
    "employment_type": _("Employment type"),
    "work_mode": _("Work mode"),
    "description": _("Description"),
    "requirements": _("Requirements"),
    "salary": _("Salary range"),
    "salary_min": _("Minimum salary"),
    "salary_max": _("Maximum salary"),
    "headcount": _("Headcount"),
    "status": _("Status"),
}


def _words(spec: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in spec.split(","))


# Names of job-listing columns in HR sheets, job boards' exports (schema.org JobPosting names such as
# "employmentType", "jobLocation") and ATS exports, Indonesian and English.
JOB_NAMES: dict[str, tuple[str, ...]] = {
    "title": _words(
        "title, job title, judul, judul lowongan, posisi, nama posisi, jabatan, position, job position,"
        "nama lowongan, lowongan, job name, job, vacancy, role, position title"
    ),
    "department": _words("department, departemen, divisi, division, bagian, dept, unit, unit kerja"),
    "location": _words(
        "location, lokasi, kota, city, penempatan, lokasi kerja, lokasi penempatan, work location,"
        "job location, joblocation, tempat kerja, placement, kota penempatan, kabupaten kota"
    ),
    "employment_type": _words(
        "employment type, employmenttype, jenis pekerjaan, tipe pekerjaan, status karyawan,"
        "status kepegawaian, jenis kontrak, contract type, job type, jenis, type, tipe"
    ),
    "work_mode": _words(
        "work mode, mode kerja, sistem kerja, workplace type, work arrangement, location type,"
        "joblocationtype, remote, wfh wfo, onsite remote"
    ),
    "description": _words(
        "description, deskripsi, job description, deskripsi pekerjaan, uraian pekerjaan, uraian tugas,"
        "jobdesc, job desc, summary, ringkasan, tanggung jawab, responsibilities"
    ),
    "requirements": _words(
        "requirements, kualifikasi, persyaratan, syarat, qualifications, requirement, kriteria"
    ),
    "salary": _words(
        "salary, gaji, salary range, rentang gaji, kisaran gaji, compensation, kompensasi, upah,"
        "base salary, basesalary"
    ),
    "salary_min": _words(
        "salary min, min salary, gaji min, gaji minimum, minimum salary, salary from, gaji dari,"
        "salary minimum, gaji minimal"
    ),
    "salary_max": _words(
        "salary max, max salary, gaji max, gaji maksimum, maximum salary, salary to, gaji sampai,"
        "salary maximum, gaji maksimal"
    ),
    "headcount": _words(
        "headcount, jumlah, kebutuhan, jumlah kebutuhan, openings, vacancies, number of openings, kuota,"
        "formasi, total openings, jumlah orang"
    ),
    "status": _words("status, job status, status lowongan, state"),
}
_JOB_EXCLUDED = {
    "title": frozenset(_words("department, divisi, type, tipe, status, salary, gaji, id, code, kode, level")),
    "location": frozenset(_words("type, tipe")),
    "status": frozenset(_words("karyawan, kepegawaian, kontrak, employment, pekerjaan")),
    "salary": frozenset(_words("min, max, minimum, maximum, dari, sampai, from, to, minimal, maksimal")),
    "employment_type": CANDIDATE_EXCLUDED.get("phone", frozenset()) | {"location", "lokasi"},
}


def _guess(headers: list[str]) -> tuple[dict[str, str | None], dict[str, list[str]]]:
    return fields_guess(headers, JOB_NAMES, _JOB_EXCLUDED), {}


def _permission(actor: User, _candidate_import: CandidateImport | None) -> None:
    if not actor.is_hr:
        raise AccessDenied(_("Only HR can open jobs."))


@dataclass(frozen=True)
class NewLocation:
    name: str
    city: str
    region: str
    time_zone: str


class _Places:
    """Departments and locations, loaded once per pass; what rows name that Rekrut does not have yet."""

    def __init__(self) -> None:
        self.departments = {d.name.casefold(): d.name for d in Department.objects.all()}
        self.locations: dict[str, Location] = {}
        for location in Location.objects.order_by("-pk"):  # the oldest wins a shared city
            self.locations[location.city.casefold()] = location
        for location in Location.objects.all():  # a name beats a city
            self.locations[location.name.casefold()] = location

    def location(self, text: str) -> tuple[str, NewLocation | None] | None:
        """(the location's name, what to create if it is new), or None when the text names no place."""
        existing = self.locations.get(text.casefold())
        if existing is not None:
            return existing.name, None
        place = place_find(text)
        if place is None:
            return None
        known = self.locations.get(place.label.casefold())
        if known is not None:
            return known.name, None
        city = place.name if place.kind == "kota" else place.label
        return place.label, NewLocation(place.label, city, place.province, place.time_zone)


def _checker(candidate_import: CandidateImport, saving: bool) -> RowChecker:
    places = _Places()
    admin = candidate_import.created_by.is_hr_admin

    def check(number: int, values: dict[str, str]) -> CheckedRow:
        row = CheckedRow(number=number, fields={})
        display: dict[str, str] = {}

        def problem(field: str, message: object) -> None:
            row.problems.append(Problem(field, str(message)))

        def text(name: str) -> str:
            return " ".join(values.get(name, "").split())

        title = text("title")
        if not title:
            problem("title", _("The title is empty."))
        elif len(title) > 160:
            problem("title", _("The title is longer than 160 characters."))
        display["title"] = title
        department = text("department")
        department_name = places.departments.get(department.casefold())
        display["department"] = department_name or department
        if not department:
            problem("department", _("The department is empty."))
        elif len(department) > 120:
            problem("department", _("The department is longer than 120 characters."))
        elif department_name is None:
            department_name = department
            if admin:
                display["department"] = str(_("%(name)s (new)") % {"name": department})
            else:
                problem(
                    "department",
                    _(
                        "Rekrut has no department “%(name)s”. Ask an HR admin to add it, "
                        "or to import the file."
                    )
                    % {"name": department},
                )
        location_text = text("location")
        found = places.location(location_text) if location_text else None
        new_location = None
        display["location"] = location_text
        if not location_text:
            problem("location", _("The location is empty."))
        elif found is None:
            problem(
                "location",
                _(
                    "Rekrut does not know where “%(place)s” is. Write the city or regency (“Kota Bandung”, "
                    "“Kab. Bogor”) or a location HR already has."
                )
                % {"place": location_text},
            )
        else:
            location_name, new_location = found
            if new_location is None:
                display["location"] = location_name
            else:
                display["location"] = str(
                    _("%(name)s, %(province)s, %(zone)s (new)")
                    % {
                        "name": new_location.name,
                        "province": new_location.region,
                        "zone": zone_abbreviation(new_location.time_zone),
                    }
                )
                if not admin:
                    problem(
                        "location",
                        _(
                            "Rekrut has no location “%(name)s”. Ask an HR admin to add it, "
                            "or to import the file."
                        )
                        % {"name": new_location.name},
                    )
        fields: dict[str, Any] = {"title": title}
        for name, read in (
            ("employment_type", employment_type_read),
            ("work_mode", work_mode_read),
            ("status", status_read),
            ("headcount", headcount_read),
        ):
            try:
                value = read(values.get(name, ""))
            except CellRefused as refused:
                problem(name, refused.args[0])
                value = None
            if value is not None:
                fields[name] = value
        choices = {"employment_type": Job.employment_type, "work_mode": Job.work_mode, "status": Job.status}
        for name, attribute in choices.items():
            if name in fields:
                display[name] = str(dict(attribute.field.choices or [])[fields[name]])
        if "headcount" in fields:
            display["headcount"] = str(fields["headcount"])
            if not 1 <= fields["headcount"] <= HEADCOUNT_MAX:
                problem("headcount", _("The headcount must be from 1 to %(max)d.") % {"max": HEADCOUNT_MAX})
        low = high = None
        for name in ("salary", "salary_min", "salary_max"):
            try:
                first, last = salary_read(values.get(name, ""))
            except CellRefused as refused:
                problem(name, refused.args[0])
                continue
            if name in ("salary", "salary_min") and first is not None:
                low = first
            if name in ("salary", "salary_max") and last is not None:
                high = last
        if low is not None and high is not None and low > high:
            # Said on the column the file has: one range column, or the separate minimum.
            where = "salary" if "salary" in values else "salary_min"
            problem(where, _("The minimum salary cannot be higher than the maximum."))
        fields.update(salary_min=low, salary_max=high)
        display["salary"] = " – ".join(rupiah(v) for v in dict.fromkeys([low, high]) if v is not None)
        display["salary_min"], display["salary_max"] = rupiah(low), rupiah(high)
        fields["description"] = values.get("description", "").strip()
        fields["requirements"] = values.get("requirements", "").strip()
        display["description"] = fields["description"]
        display["requirements"] = fields["requirements"]
        if fields.get("status") == JobStatus.OPEN and not saving:
            # An open job is published at once, so its ad passes the same check as one typed by hand
            # (SE Menaker M/6/HK.04/V/2025).
            warnings = ad_warnings(title, fields["description"], fields["requirements"])
            if warnings:
                problem(
                    "status",
                    _(
                        "The ad has wording that may discriminate against applicants (“%(phrase)s”). Reword "
                        "it in the file, or import the job as a draft and review it on the job's page."
                    )
                    % {"phrase": warnings[0].phrase},
                )
        row.fields = {**fields, "department": department_name, "location": found[0] if found else ""}
        row.fields["_new_location"] = new_location
        row.display = {name: display.get(name, "") for name in JOB_IMPORT_FIELDS}
        return row

    return check


def _prepare(candidate_import: CandidateImport, rows: Iterable[CheckedRow]) -> None:
    """Adds the departments and locations the rows name that Rekrut does not have yet (an HR admin's
    import only: for anyone else the rows were refused), and notes them on the import for an undo."""
    known_departments = {name.casefold() for name in Department.objects.values_list("name", flat=True)}
    known_locations = {name.casefold() for name in Location.objects.values_list("name", flat=True)}
    created: dict[str, list[int]] = {"departments": [], "locations": []}
    for row in rows:
        department = row.fields["department"]
        if department and department.casefold() not in known_departments:
            created["departments"].append(Department.objects.create(name=department).pk)
            known_departments.add(department.casefold())
        new: NewLocation | None = row.fields["_new_location"]
        if new is not None and new.name.casefold() not in known_locations:
            location = Location.objects.create(
                name=new.name, city=new.city, region=new.region, time_zone=new.time_zone
            )
            created["locations"].append(location.pk)
            known_locations.add(new.name.casefold())
    options = {**candidate_import.options, "created": created}
    CandidateImport.objects.filter(pk=candidate_import.pk).update(options=options)
    candidate_import.options = options


def _save(candidate_import: CandidateImport, row: CheckedRow) -> int:
    actor = candidate_import.created_by
    fields = {k: v for k, v in row.fields.items() if not k.startswith("_")}
    fields["department"] = Department.objects.get(name__iexact=fields["department"])
    fields["location"] = Location.objects.get(name__iexact=fields["location"])
    return job_create(actor=actor, team=TeamSpec(hr_owner=actor), **fields).pk


def _remove(_candidate_import: CandidateImport, ids: list[int]) -> list[str]:
    kept: list[int] = []
    try:
        Job.objects.filter(pk__in=ids).delete()
    except ProtectedError:  # someone applied a candidate to one of them meanwhile: find which
        for pk in ids:
            try:
                Job.objects.filter(pk=pk).delete()
            except ProtectedError:
                kept.append(pk)
    return [f"{job.title} (#{job.pk})" for job in Job.objects.filter(pk__in=kept).order_by("pk")]


def _cleanup(candidate_import: CandidateImport) -> None:
    created = candidate_import.options.get("created") or {}
    in_use = Job.objects.values("department_id")
    Department.objects.filter(pk__in=created.get("departments", [])).exclude(pk__in=in_use).delete()
    Location.objects.filter(pk__in=created.get("locations", [])).exclude(
        pk__in=Job.objects.values("location_id")
    ).delete()


def _kept_message(kept: list[str]) -> str:
    names = ", ".join(kept[:20])
    return ngettext(
        "%(count)s job was kept because a colleague already added a candidate to it meanwhile: %(names)s.",
        "%(count)s jobs were kept because colleagues already added candidates to them meanwhile: %(names)s.",
        len(kept),
    ) % {"count": len(kept), "names": names + (" …" if len(kept) > 20 else "")}


JOBS = ImportKind(
    code="jobs",
    fields=JOB_IMPORT_FIELDS,
    required="title",
    required_message=_("Choose the column that holds the job's title."),
    notes_field=None,
    guess=_guess,
    checker=_checker,
    prepare=_prepare,
    save=_save,
    remove=_remove,
    cleanup=_cleanup,
    kept_message=_kept_message,
    permission=_permission,
)

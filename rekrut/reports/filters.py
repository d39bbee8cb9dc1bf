"""The one filter form every report shares, kept in the URL so a view can be shared and bookmarked.

A period is a preset (this month, last month, this quarter, the last 90 days, this year) or custom dates,
always whole days in the company's time zone. A filter value that is wrong (a job the viewer may not see,
an impossible date) is named in a message and left out; the report still answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from rekrut.jobs.models import Department, Job, Level, Location
from rekrut.reports.scope import ReportScope

# A custom period may span at most this long: longer ones are not a weekly report, and cost the most.
MAX_PERIOD_DAYS = 3 * 366
DEFAULT_PERIOD = "last_90_days"


PERIOD_CHOICES = [
    ("this_month", _("This month")),
    ("last_month", _("Last month")),
    ("this_quarter", _("This quarter")),
    ("last_90_days", _("Last 90 days")),
    ("this_year", _("This year")),
    ("custom", _("Custom dates")),
]


@dataclass(frozen=True)
class ReportPeriod:
    first_day: date
    last_day: date
    label: str

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first_day, time.min))

    @property
    def end(self) -> datetime:
        """Exclusive: midnight after the last day."""
        return timezone.make_aware(datetime.combine(self.last_day + timedelta(days=1), time.min))


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _days_label(first: date, last: date) -> str:
    return gettext("%(first)s – %(last)s") % {
        "first": date_format(first, "DATE_FORMAT"),
        "last": date_format(last, "DATE_FORMAT"),
    }


def period_resolve(
    preset: str, *, today: date, first: date | None = None, last: date | None = None
) -> ReportPeriod:
    """The days a preset stands for on `today`, with the words a sentence about it uses."""
    if preset == "this_month":
        start = today.replace(day=1)
        return ReportPeriod(start, today, date_format(start, "YEAR_MONTH_FORMAT"))
    if preset == "last_month":
        last_day = today.replace(day=1) - timedelta(days=1)
        start = last_day.replace(day=1)
        return ReportPeriod(start, last_day, date_format(start, "YEAR_MONTH_FORMAT"))
    if preset == "this_quarter":
        quarter = _quarter_of(today)
        start = date(today.year, 3 * quarter - 2, 1)
        label = gettext("Q%(quarter)s %(year)s") % {"quarter": quarter, "year": today.year}
        return ReportPeriod(start, today, label)
    if preset == "this_year":
        return ReportPeriod(date(today.year, 1, 1), today, str(today.year))
    if preset == "custom" and first and last:
        return ReportPeriod(first, last, _days_label(first, last))
    start = today - timedelta(days=89)
    return ReportPeriod(start, today, gettext("the last 90 days"))


@dataclass(frozen=True)
class ReportFilters:
    period: ReportPeriod
    job: Job | None = None
    department: Department | None = None
    location: Location | None = None
    level: str = ""
    query: str = ""  # the valid filters as a query string, for links and exports

    def jobs(self, scope: ReportScope) -> QuerySet[Job]:
        jobs = scope.jobs()
        if self.job:
            jobs = jobs.filter(pk=self.job.pk)
        if self.department:
            jobs = jobs.filter(department=self.department)
        if self.location:
            jobs = jobs.filter(location=self.location)
        if self.level:
            jobs = jobs.filter(level=self.level)
        return jobs

    def job_q(self, scope: ReportScope, field: str = "job") -> Q:
        """The condition on `field` (a job) that scopes a query; none for the whole company unfiltered, so
        the database can start from the period's index instead of from every job's rows."""
        if scope.company_wide and not self.narrowed:
            return Q()
        return Q(**{f"{field}__in": self.jobs(scope).values("pk")})

    def job_sql(self, scope: ReportScope, column: str) -> tuple[str, tuple]:
        """The same condition for a hand-written statement: `column IN (...)`, or always true."""
        if scope.company_wide and not self.narrowed:
            return "1 = 1", ()
        sql, params = self.jobs(scope).values("pk").query.sql_with_params()
        return f"{column} IN ({sql})", tuple(params)

    @property
    def narrowed(self) -> bool:
        return bool(self.job or self.department or self.location or self.level)


class ReportFilterForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"), choices=PERIOD_CHOICES, required=False)
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    job = forms.ModelChoiceField(
        label=_("Job"), queryset=Job.objects.none(), required=False, empty_label=_("All jobs")
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("All departments"),
    )
    location = forms.ModelChoiceField(
        label=_("Location"), queryset=Location.objects.none(), required=False, empty_label=_("All locations")
    )
    level = forms.ChoiceField(label=_("Level"), required=False)

    def __init__(self, data, *, scope: ReportScope) -> None:
        super().__init__(data)
        jobs = scope.jobs()
        fields: dict = self.fields  # the declared fields, typed loosely to set their querysets
        fields["job"].queryset = jobs.only("pk", "title").order_by("title", "pk")
        fields["department"].queryset = Department.objects.filter(pk__in=jobs.values("department_id"))
        fields["location"].queryset = Location.objects.filter(pk__in=jobs.values("location_id"))
        fields["level"].choices = [("", _("All levels")), *Level.choices]
        fields["start"].input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
        fields["end"].input_formats = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("period") == "custom":
            start, end = data.get("start"), data.get("end")
            if not start or not end:
                self.add_error("start", _("Choose both dates of a custom period."))
            elif start > end:
                self.add_error("end", _("The period ends before it starts."))
            elif (end - start).days > MAX_PERIOD_DAYS:
                self.add_error("end", _("A period can be at most three years long."))
        return data


def filters_read(
    data, *, scope: ReportScope, today: date | None = None
) -> tuple[ReportFilterForm, ReportFilters, list[str]]:
    """The form, the filters to apply and the messages about values that were left out.

    Only the valid values are applied: one bad value does not throw the other filters away."""
    today = today or timezone.localdate()
    form = ReportFilterForm(data or None, scope=scope)
    problems: list[str] = []
    values: dict = {}
    if form.is_bound:
        form.is_valid()
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            text = " ".join(str(error) for error in errors)
            problems.append(f"{label}: {text}" if label else text)
        values = {name: value for name, value in form.cleaned_data.items() if name not in form.errors}
    preset = values.get("period") or DEFAULT_PERIOD
    custom_ok = preset == "custom" and "start" not in form.errors and "end" not in form.errors
    period = period_resolve(
        preset if (preset != "custom" or custom_ok) else DEFAULT_PERIOD,
        today=today,
        first=values.get("start"),
        last=values.get("end"),
    )
    kept = {
        "period": preset if (preset != "custom" or custom_ok) else "",
        "start": period.first_day.isoformat() if custom_ok else "",
        "end": period.last_day.isoformat() if custom_ok else "",
        "job": values["job"].pk if values.get("job") else "",
        "department": values["department"].pk if values.get("department") else "",
        "location": values["location"].pk if values.get("location") else "",
        "level": values.get("level") or "",
    }
    filters = ReportFilters(
        period=period,
        job=values.get("job"),
        department=values.get("department"),
        location=values.get("location"),
        level=values.get("level") or "",
        query=urlencode({key: value for key, value in kept.items() if value}),
    )
    return form, filters, problems

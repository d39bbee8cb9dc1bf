"""Reads: the dated tables in force on a date, and an application's offers (callers check access first,
through rekrut.offers.access)."""

from datetime import date

from django.db.models import QuerySet

from rekrut.jobs.models import Location
from rekrut.offers.models import (
    BpjsProgramme,
    BpjsRate,
    MinimumWage,
    Offer,
    OfferApproval,
    OfferPolicy,
    RegionKind,
    WageRegion,
)
from rekrut.offers.pay import Rate
from rekrut.offers.rules import RegionalMinimum
from rekrut.pipeline.models import Application


def wage_regions_for(*, location: Location) -> list[WageRegion]:
    """The regions a work location falls in, most specific first: its regency/city, then the province
    (that city's province, or a province listing the city itself, like DKI Jakarta)."""
    city = location.city.strip().casefold()
    if not city:
        return []
    candidates = WageRegion.objects.filter(city_names__icontains=city).select_related("province")
    matches = [region for region in candidates if city in region.city_name_set()]
    cities = [region for region in matches if region.kind == RegionKind.CITY]
    provinces = [region for region in matches if region.kind == RegionKind.PROVINCE]
    for region in cities:
        if region.province is not None and region.province not in provinces:
            provinces.append(region.province)
    return [*sorted(cities, key=lambda r: r.name), *sorted(provinces, key=lambda r: r.name)]


def minimum_wage_on(*, location: Location, day: date) -> RegionalMinimum | None:
    """The minimum wage in force for a work location on a day: the UMK of its regency/city when one is in
    force, else the UMP of its province (rule O3: the most specific applies). None when none is on file."""
    for region in wage_regions_for(location=location):
        row = region.minimum_wages.filter(valid_from__lte=day).order_by("-valid_from").first()
        if row is not None:
            return RegionalMinimum(
                region=region.name,
                is_city=region.kind == RegionKind.CITY,
                amount=row.amount,
                valid_from=row.valid_from,
            )
    return None


def bpjs_rates_on(*, day: date) -> list[Rate]:
    """Each programme's rates in force on a day (the latest row from on or before it), in a fixed order."""
    rates = []
    for programme in BpjsProgramme:
        row = (
            BpjsRate.objects.filter(programme=programme, valid_from__lte=day).order_by("-valid_from").first()
        )
        if row is not None:
            rates.append(
                Rate(
                    programme=programme.value,
                    label=str(programme.label),
                    employer_percent=row.employer_percent,
                    employee_percent=row.employee_percent,
                    wage_cap=row.wage_cap,
                )
            )
    return rates


def offers_of(*, application: Application) -> QuerySet[Offer]:
    """Every version, newest first, with what a page shows of each."""
    return (
        Offer.objects.filter(application=application)
        .select_related("department", "work_location", "signatory", "created_by", "submitted_by", "sent_by")
        .prefetch_related("allowances", "answers")
        .order_by("-version")
    )


def offer_of_application(*, application_id: int, offer_id: int) -> Offer | None:
    return (
        Offer.objects.filter(application_id=application_id, pk=offer_id)
        .select_related(
            "application__candidate", "application__job", "department", "work_location", "signatory"
        )
        .prefetch_related("allowances")
        .first()
    )


def offer_latest(*, application: Application) -> Offer | None:
    return offers_of(application=application).first()


def minimum_wage_rows() -> QuerySet[MinimumWage]:
    return MinimumWage.objects.select_related("region")


def offer_policy() -> OfferPolicy:
    """The company's offer settings; their defaults until an HR admin saves them."""
    return OfferPolicy.objects.filter(pk=1).first() or OfferPolicy(pk=1)


def offer_for_link(offer_id: int) -> Offer | None:
    """An offer opened by a signed link (the link is the credential: no user to scope by)."""
    return (
        Offer.objects.select_related(
            "application__candidate", "application__job__location", "department", "work_location", "signatory"
        )
        .prefetch_related("allowances")
        .filter(pk=offer_id)
        .first()
    )


def approvals_of(*, offer: Offer) -> QuerySet[OfferApproval]:
    return (
        OfferApproval.objects.filter(offer=offer)
        .select_related("actor")
        .order_by("round", "decided_at", "pk")
    )

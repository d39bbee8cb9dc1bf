"""What the company says about itself to candidates, asked for by pages that cannot import the app
keeping it: the careers site's branding (careers) answers, the portal's prep pack (a sibling) reads it."""

from dataclasses import dataclass

from rekrut.core.hooks import Hook


@dataclass(frozen=True)
class CompanyProfile:
    name: str
    about: str  # in the active language, may be empty
    website: str  # may be empty
    contact_email: str  # the applicants' contact the careers site shows, may be empty


company_profile: Hook[[], CompanyProfile] = Hook(
    "core.company_profile", "The company's public name, about text, website and applicants' contact."
)


def company_profile_get() -> CompanyProfile | None:
    """The first answer, or None when no app keeps a profile."""
    answers = company_profile.run()
    return answers[0] if answers else None

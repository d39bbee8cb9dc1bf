from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from rekrut.accounts.demo_install import DEMO_PASSWORD, demo_install_exists
from rekrut.accounts.models import User
from rekrut.demo.assessments import assessments_demo
from rekrut.demo.company import PERSONAS, demo_build
from rekrut.demo.contracts import contracts_demo_make
from rekrut.demo.interviews import interviews_demo_build
from rekrut.demo.medical import medical_demo
from rekrut.demo.offers import offers_demo_make
from rekrut.demo.onboarding import onboarding_demo_make
from rekrut.demo.online_tests import online_tests_demo
from rekrut.demo.week import week_demo_build

ELSEWHERE = (
    "Demo data goes only into the embedded SQLite database (var/rekrut.sqlite3), never into the database "
    "DATABASE_URL names: the demo's accounts share a published password. Nothing was changed."
)
OWN_ACCOUNTS = (
    "This database has accounts of its own, so the demo company was not added (its accounts share a "
    "published password). To add it anyway: `rekrut demo`."
)


def demo_loaded_before_the_mark() -> bool:
    """A database the demo filled before it was marked (earlier versions): a persona with the demo's
    password. It is the demo, so `make run` goes on loading it, and now marks it."""
    personas = User.objects.filter(username__in=[p.username for p in PERSONAS])
    return any(user.check_password(DEMO_PASSWORD) for user in personas)


class Command(BaseCommand):
    help = (
        "Load the demo company (people, jobs, candidates, interviews; idempotent) into the embedded SQLite "
        "database and print the demo logins. Refused when DATABASE_URL points to another database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-new",
            action="store_true",
            help=(
                "what `make run` does: load the demo only into a new embedded database (no accounts yet) or "
                "one that already holds it; REKRUT_DEMO=1 loads it anyway, REKRUT_DEMO=0 never"
            ),
        )

    def handle(self, *args: object, **options: object) -> None:
        switch = settings.DEMO_SWITCH
        asked = not options["if_new"] or switch == "on"
        if not settings.EMBEDDED_DATABASE:
            if asked:
                raise CommandError(ELSEWHERE)
            self.stdout.write(ELSEWHERE)
            self._first_admin_hint()
            return
        if not asked:
            if switch == "off":
                self.stdout.write("REKRUT_DEMO=0: the demo company was not loaded.")
                self._first_admin_hint()
                return
            if not demo_install_exists() and User.objects.exists() and not demo_loaded_before_the_mark():
                self.stdout.write(OWN_ACCOUNTS)
                return
        users = demo_build()
        interviewed = interviews_demo_build()
        week_demo_build(users=users)
        medical_demo(users)
        online_tests_demo(users)
        assessments_demo(users)
        offers_demo_make(users)
        contracts_demo_make(users)
        onboarding_demo_make(users)
        self.stdout.write(f"Demo company ready: {interviewed} applications with interviews and scorecards.")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for p in PERSONAS:
            self.stdout.write(f"  {p.username:<8} {p.first_name} {p.last_name} — {p.title} ({p.role})")
        self.stdout.write(
            "Demo data only: every page says so. For real hiring, start from a new database and create its "
            "first HR admin with `rekrut hr_admin_create` (see README, Real installation)."
        )

    def _first_admin_hint(self) -> None:
        if not User.objects.exists():
            self.stdout.write(
                "This database has no accounts yet: create the first HR admin with "
                "`rekrut hr_admin_create USERNAME --email ADDRESS`."
            )

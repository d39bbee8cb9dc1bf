from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "rekrut.offers"
    label = "offers"
    verbose_name = _("Offers")

    def ready(self) -> None:
        # Pipeline's move service asks whether the offer stage may be left: it needs an accepted offer.
        from rekrut.offers.guards import offer_exit_blockers
        from rekrut.pipeline.guards import exit_blockers

        exit_blockers.register(offer_exit_blockers)

        # Sent offers past their last day are marked expired by the worker's sweep.
        from rekrut.notifications.sweep import worker_sweep
        from rekrut.offers import chain  # noqa: F401  (registers its audit actions)
        from rekrut.offers.sending import offers_expire

        worker_sweep.register(offers_expire)

        # The messages HR may reword on the message templates page.
        from rekrut.offers.purposes import purposes_register

        purposes_register()

        # What this app holds about a candidate takes part in "download my data" and erasure (UU PDP).
        from rekrut.candidates.hooks import personal_data_collectors, personal_data_erasers
        from rekrut.offers.personal_data import offers_collect, offers_erase

        personal_data_collectors.register(offers_collect)
        personal_data_erasers.register(offers_erase)

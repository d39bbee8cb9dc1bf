"""Slots offered to a candidate for one interview round, and which one they took."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from rekrut.core.models import SignedLink
from rekrut.interviews.models import Interview, InterviewMode, PlanRound
from rekrut.pipeline.models import Application

DEFAULT_CHANGE_UNTIL_HOURS = 24
DEFAULT_MAX_RESCHEDULES = 2
DEFAULT_VALID_HOURS = 72


class SlotOffer(models.Model):
    """Times HR offers a candidate for one round, with the rules for changing a booking. The candidate picks
    one through a signed link; the booking is an ordinary interview (`interview`), made by the interviews
    services on behalf of the offer's creator."""

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="slot_offers", verbose_name=_("application")
    )
    round = models.ForeignKey(PlanRound, on_delete=models.PROTECT, related_name="+", verbose_name=_("round"))
    duration_minutes = models.PositiveSmallIntegerField(_("length (minutes)"))
    interviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("interviewers")
    )
    mode = models.CharField(_("mode"), max_length=10, choices=InterviewMode.choices)
    location = models.CharField(_("address or phone number"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=120, blank=True)
    meeting_url = models.CharField(_("meeting link"), max_length=500, blank=True)
    change_until_hours = models.PositiveSmallIntegerField(
        _("changes allowed until (hours before)"), default=DEFAULT_CHANGE_UNTIL_HOURS
    )
    max_reschedules = models.PositiveSmallIntegerField(
        _("reschedules allowed"), default=DEFAULT_MAX_RESCHEDULES
    )
    reschedules_used = models.PositiveSmallIntegerField(_("reschedules used"), default=0)
    expires_at = models.DateTimeField(_("open until"))
    # The link to pick a time (sent with the offer) and the link to change or cancel the booking (sent
    # when it is made, valid until the interview): kept to withdraw them.
    link = models.ForeignKey(
        SignedLink,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("link to choose a time"),
    )
    manage_link = models.ForeignKey(
        SignedLink,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("link to change the booking"),
    )
    interview = models.OneToOneField(
        Interview,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="slot_offer",
        verbose_name=_("booked interview"),
    )
    cancelled_by_candidate_at = models.DateTimeField(_("cancelled by the candidate"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("offered by")
    )
    created_at = models.DateTimeField(_("offered at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("slot offer")
        verbose_name_plural = _("slot offers")

    def __str__(self) -> str:
        return f"{self.round} · {self.application.candidate}"

    @property
    def is_booked(self) -> bool:
        return self.interview_id is not None and self.cancelled_by_candidate_at is None

    def changes_close_at(self, starts_at: datetime) -> datetime:
        return starts_at - timedelta(hours=self.change_until_hours)


class Slot(models.Model):
    """One time offered. `taken_at` is set by a single conditional UPDATE (WHERE taken_at IS NULL), so of
    many people pressing at once exactly one gets the row count 1 and the slot."""

    offer = models.ForeignKey(SlotOffer, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    taken_at = models.DateTimeField(_("taken at"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("offered slot")
        verbose_name_plural = _("offered slots")
        constraints = [models.UniqueConstraint(fields=["offer", "starts_at"], name="slot_once_per_offer")]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def is_taken(self) -> bool:
        return self.taken_at is not None

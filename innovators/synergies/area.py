"""Offers and needs in the innovators' area: write, edit, renew, withdraw; the matches and the
monthly e-mail about them. Every view is an `area_view` (signed-in person, never cached).

A new offer or a change is a revision sent to «Revisione redazionale» in the person's name
(`innovators.area.profile.submit_changes`, as for the profile): the board keeps the approved
version. Renewing and withdrawing take effect at once (they only shorten or extend what the
moderators approved).
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from innovators.area.profile import submit_changes
from innovators.area.registry import AreaItem, AreaSection
from innovators.area.state import (
    CHANGES_REQUESTED,
    IN_REVIEW,
    open_workflow_states,
    profile_state,
)
from innovators.area.views import area_view
from innovators.synergies import matching
from innovators.synergies.forms import OfferForm, apply_changes, initial_for
from innovators.synergies.models import MatchAlert, Offer, default_end_date
from portal.cache import renew_content_version
from portal.forms import PublicFormView, RateLimit

AREA_MATCHES_SHOWN = 3


def offer_state(offer, open_states: dict | None = None) -> tuple[str, str, str]:
    """(key, label, moderators' comment) of an offer as its area shows it; `open_states` as
    for `profile_state`."""
    if offer.withdrawn_at:
        return "withdrawn", _("Ritirata"), ""
    state = profile_state(offer, open_states)
    if state.key == CHANGES_REQUESTED:
        return state.key, _("Modifiche richieste dalla redazione"), state.comment
    if state.key == IN_REVIEW:
        return state.key, _("In revisione"), ""
    if not offer.live:
        return "not_published", _("Non pubblicata"), ""
    if offer.ends_on < timezone.localdate():
        return "lapsed", _("Scaduta"), ""
    return "published", _("Pubblicata"), ""


def _offers_of(innovator):
    return (
        Offer.objects.filter(innovator__translation_key=innovator.translation_key)
        .select_related("category")
        .order_by("-created_at", "-pk")
    )


def _own_offer(request, pk) -> Offer:
    return get_object_or_404(_offers_of(request.innovator), pk=pk)


class OfferEditView(PublicFormView):
    form_class = OfferForm
    rate_limit = RateLimit(
        group="innovators.area.offers",
        setting="INNOVATORS_OFFER_EDIT_RATE",
        default="20/h",
        message=gettext_lazy("Hai inviato troppe offerte e richieste. Riprova tra un'ora, grazie."),
    )

    def __init__(self, request, offer=None):
        super().__init__(request, None)
        self.offer = offer
        self.draft = offer.get_latest_revision_as_object() if offer else None

    def get_form_kwargs(self) -> dict:
        if self.request.method != "POST" and self.draft is not None:
            return {"initial": initial_for(self.draft)}
        return {}

    def render(self, form, status=200):
        state = offer_state(self.offer) if self.offer else None
        return render(
            self.request,
            "innovators/synergies/area_offer.html",
            {
                "form": form,
                "offer": self.offer,
                "state": state,
                "innovator": self.request.innovator,
                "innovators": self.request.innovators,
            },
            status=status,
        )

    def thanks(self):
        return redirect(reverse("innovators_area:home") + "?offerta=1#area-offers")

    def form_valid(self, form):
        user = self.request.user
        with transaction.atomic():
            if self.offer is None:
                offer = Offer(
                    innovator=self.request.innovator,
                    live=False,
                    language=get_language() or "it",
                )
                apply_changes(offer, form.cleaned_data)
                offer.save()
                draft = offer
            else:
                offer = Offer.objects.select_for_update().get(pk=self.offer.pk)
                draft = offer.get_latest_revision_as_object()
                apply_changes(draft, form.cleaned_data)
            submit_changes(offer, draft, user)
        return self.thanks()


@area_view
def new(request):
    return OfferEditView(request).response()


@area_view
def edit(request, pk):
    offer = _own_offer(request, pk)
    if offer.withdrawn_at:
        raise Http404
    return OfferEditView(request, offer).response()


@require_POST
@area_view
def renew(request, pk):
    """One click: six more months from today, and a new reminder before they end."""
    offer = _own_offer(request, pk)
    if offer.withdrawn_at:
        raise Http404
    renew_offer(offer)
    return redirect(reverse("innovators_area:offer", args=[offer.pk]) + "?rinnovata=1")


def renew_offer(offer) -> None:
    ends_on = default_end_date()
    with transaction.atomic():
        Offer.objects.filter(pk=offer.pk).update(ends_on=ends_on, reminder_sent_at=None)
        _keep_in_latest_revision(offer, ends_on=ends_on.isoformat())
    renew_content_version()  # the cached board shows it again
    offer.ends_on, offer.reminder_sent_at = ends_on, None


def _keep_in_latest_revision(offer, **fields) -> None:
    """A change made outside review reaches the revision still waiting too, so approving it
    later does not undo the change."""
    revision = offer.latest_revision
    if revision is not None and offer.has_unpublished_changes:
        revision.content.update(fields)
        revision.save(update_fields=["content"])


@require_POST
@area_view
def withdraw(request, pk):
    """Gone from the board at once; a review still waiting is cancelled."""
    offer = _own_offer(request, pk)
    with transaction.atomic():
        current = offer.current_workflow_state
        if current is not None:
            current.cancel(user=request.user)
        Offer.objects.filter(pk=offer.pk).update(withdrawn_at=timezone.now(), live=False)
    renew_content_version()  # off the cached board at once
    return redirect(reverse("innovators_area:home") + "?ritirata=1#area-offers")


@area_view
def matches(request):
    """The matches, and the monthly e-mail switched on or off (a POST)."""
    innovator, email = request.innovator, request.user.email
    alerts = MatchAlert.objects.filter(innovator=innovator, email=email)
    if request.method == "POST":
        if request.POST.get("alert") == "1":
            MatchAlert.objects.get_or_create(innovator=innovator, email=email)
        else:
            alerts.delete()
        return redirect(reverse("innovators_area:matches") + "?salvato=1")
    return render(
        request,
        "innovators/synergies/area_matches.html",
        {
            "innovator": innovator,
            "innovators": request.innovators,
            "matches": matching.matches(innovator, get_language() or "it"),
            "alert": alerts.exists(),
            "saved": request.GET.get("salvato") == "1",
        },
    )


def offers_section(innovator, request) -> AreaSection:
    offers = list(_offers_of(innovator))
    open_states = open_workflow_states(offers)  # one query, not one per offer
    items = []
    for offer in offers:
        _key, label, comment = offer_state(offer, open_states)
        if _key == "published":
            label = _("Pubblicata fino al %(date)s") % {
                "date": date_format(offer.ends_on, "SHORT_DATE_FORMAT")
            }
        items.append(
            AreaItem(
                title=f"{offer.get_kind_display()}: {offer.title}",
                state=label,
                url="" if offer.withdrawn_at else reverse("innovators_area:offer", args=[offer.pk]),
                date=offer.created_at,
                note=comment,
            )
        )
    export = [
        {
            "kind": offer.kind,
            "category": offer.category.name,
            "title": offer.title,
            "text": offer.text,
            "ends_on": offer.ends_on,
            "live": offer.live,
            "withdrawn_at": offer.withdrawn_at,
            "created_at": offer.created_at,
        }
        for offer in offers
    ]
    return AreaSection(
        key="offers",
        heading=_("Offro e cerco"),
        items=items,
        empty=_("Nessuna offerta o richiesta finora."),
        action_label=_("Pubblica un'offerta o una richiesta"),
        action_url=reverse("innovators_area:offer_new"),
        order=20,
        export=export,
    )


def matches_section(innovator, request) -> AreaSection:
    found = matching.matches(innovator, get_language() or "it", limit=AREA_MATCHES_SHOWN)
    return AreaSection(
        key="matches",
        heading=_("Sinergie per voi"),
        items=[
            AreaItem(
                title=f"{match.offer.get_kind_display()}: {match.offer.title} · {match.offer.innovator.name}",
                state=_("risponde a «%(title)s»") % {"title": match.answers.title},
                url=match.profile_url,
            )
            for match in found
        ],
        empty=_("Ancora nessuna: pubblicate un'offerta o una richiesta per trovarle."),
        action_label=_("Tutte le sinergie e l'avviso mensile"),
        action_url=reverse("innovators_area:matches"),
        order=21,
    )

"""The public pages of events: the index with its filters, the event with its registration
form, the confirmation and the cancellation.

Each answers a route of the page (`EventIndexPage.index`, `.calendar`, `.feed`,
`EventPage.event`, `.confirmation`, `.cancellation`, `.ics`, …), registered with `route_view`;
`CoursesConfig.ready` imports this module.
"""

import datetime

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import segno
from django_ratelimit.core import ALL, is_ratelimited

from portal.forms import PublicFormView, RateLimit
from portal.forms.limits import normalised_identifier
from portal.links import admin_url
from portal.models import route_view
from portal.numbers import parse_positive_int
from portal.pagination import paginate

from . import emails, services
from .calendar import MonthCalendar, calendar_response, google_calendar_url, outlook_calendar_url
from .forms import EventFilterForm, RegistrationForm
from .models import EventIndexPage, EventPage, Registration
from .models.choices import FIRST_YEAR, LAST_YEAR

DEFAULT_RATE = "20/h"
ALREADY_REGISTERED_RATE = "1/10m"


class RegistrationView(PublicFormView):
    """The form on the event page. Whether the address was new or already registered, the
    answer is the same page ("check your e-mail"); the e-mail itself says which."""

    form_class = RegistrationForm
    rate_limit = RateLimit(
        group="courses.register",
        setting="COURSES_REGISTRATION_RATE",
        default=DEFAULT_RATE,
        message=gettext_lazy("Troppe iscrizioni da questa connessione: riprova tra un'ora."),
    )

    def get_form_kwargs(self) -> dict:
        return {"event": self.page}

    def response(self):
        if self.request.method == "POST" and not self.page.registration_open:
            response = self.page.render(
                self.request,
                context_overrides={
                    "form": None,
                    "registration_error": _("Le iscrizioni sono chiuse."),
                },
            )
            response.status_code = 400
            return response
        return super().response()

    def render(self, form, status=200):
        if self.request.method != "POST" and not self.page.registration_open:
            form = None
        response = self.page.render(self.request, context_overrides={"form": form})
        response.status_code = status
        return response

    def thanks(self):
        return redirect(self.page.url + self.page.reverse_subpage("registration_sent"))

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.register(
                self.page,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                needs=data["needs"],
                consent=data["consent"],
                **({"innovator": data["innovator"]} if data.get("innovator") else {}),
            )
        except services.AlreadyRegistered as existing:
            if not owner_told_enough(self.request, data["email"]):
                emails.send_already_registered(existing.registration_id)
        return self.thanks()


def owner_told_enough(request, email: str) -> bool:
    """Count an «already registered» notice for `email` and say whether its mailbox had enough
    for now: at most `COURSES_ALREADY_REGISTERED_RATE` (one every ten minutes, the newsletter's
    rule) per normalised address, in the shared cache, whichever client sends the form. The
    answer page is the same either way, so the form still tells nobody who is registered."""
    return is_ratelimited(
        request,
        group="courses.already_registered",
        key=lambda group, request: normalised_identifier(email),
        rate=getattr(settings, "COURSES_ALREADY_REGISTERED_RATE", ALREADY_REGISTERED_RATE),
        method=ALL,
        increment=True,
    )


@route_view(EventIndexPage, "index")
def event_index(request, index):
    """The events under the index, filtered by month, format and audience, a page at a time."""
    filter_form = EventFilterForm(request.GET or None)
    events = paginate(request, index.events(filter_form.filters()))
    return index.render(request, context_overrides={"filter_form": filter_form, "events": events})


@route_view(EventIndexPage, "calendar")
def event_calendar(request, index, year=None, month=None):
    """A month of events as a calendar: this month, or `year`/`month` from the URL."""
    today = timezone.localdate()
    if year is None:
        first_day = today.replace(day=1)
    else:
        year = parse_positive_int(year, minimum=FIRST_YEAR, maximum=LAST_YEAR)
        month = parse_positive_int(month, maximum=12)
        if year is None or month is None:
            raise Http404
        first_day = datetime.date(year, month, 1)
    events = index.events({"month": first_day}).prefetch_related("meetings")
    return index.render(
        request,
        context_overrides={"calendar": MonthCalendar(first_day, events, index)},
        template="courses/event_calendar.html",
    )


@route_view(EventIndexPage, "feed")
def event_index_feed(request, index):
    """The index's events as an iCalendar feed (`calendario.ics`)."""
    return calendar_response(
        index.events().prefetch_related(None).prefetch_related("meetings"),
        request,
        name=index.slug,
        title=index.title,
    )


@route_view(EventPage, "event")
def event_page(request, event):
    """The event; on POST, a registration (confirmed or waiting) or the form with its errors."""
    return RegistrationView(request, event).response()


@route_view(EventPage, "registration_sent")
def registration_sent(request, event):
    """The one answer to a registration: new, already registered or a bot's."""
    response = event.render(request, template="courses/registration_sent.html")
    add_never_cache_headers(response)
    return response


def _registration_or_404(event, token) -> Registration:
    registration = Registration.from_token(token, event.pk)
    if registration is None:
        raise Http404(_("Iscrizione non trovata."))
    return registration


def qr_code_svg(registration: Registration) -> str:
    """A QR code, drawn here as inline SVG, that opens the admin check-in on this registration."""
    checkin = f"{admin_url('courses_checkin')}?q={registration.code}"
    svg = segno.make(checkin, error="m").svg_inline(
        scale=5, title=_("Codice QR dell'iscrizione %(code)s") % {"code": registration.code}
    )
    return mark_safe(svg)


@route_view(EventPage, "confirmation")
def confirmation(request, event, token):
    registration = _registration_or_404(event, token)
    response = event.render(
        request,
        template="courses/registration_confirmation.html",
        context_overrides={
            "registration": registration,
            "qr_code": qr_code_svg(registration),
            "ics_url": event.get_ics_url(request),
            "google_url": google_calendar_url(event, request),
            "outlook_url": outlook_calendar_url(event, request),
            "cancellation_url": event.url + event.reverse_subpage("cancellation", args=(token,)),
        },
    )
    add_never_cache_headers(response)
    return response


@route_view(EventPage, "cancellation")
def cancellation(request, event, token):
    """GET asks to confirm (mail scanners follow links); POST cancels and frees the seat."""
    registration = _registration_or_404(event, token)
    cancelled_now = False
    if request.method == "POST" and not registration.is_cancelled:
        services.cancel(registration)
        cancelled_now = True
    response = event.render(
        request,
        template="courses/registration_cancellation.html",
        context_overrides={"registration": registration, "cancelled_now": cancelled_now},
    )
    add_never_cache_headers(response)
    return response


@route_view(EventPage, "ics")
def event_ics(request, event):
    """The event as an iCalendar file (`calendario.ics`)."""
    return calendar_response([event], request, name=event.slug)

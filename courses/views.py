"""The public side of registration: the form on the event page, the confirmation, the cancellation.

They are served by the event page's routes (`EventPage.event`, `.confirmation`, `.cancellation`).
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

import segno
from django_ratelimit.core import is_ratelimited

from . import services
from .calendar import google_calendar_url, outlook_calendar_url
from .forms import RegistrationForm
from .models.registrations import Registration

DEFAULT_RATE = "20/h"


def _rate_limited(request) -> bool:
    rate = getattr(settings, "COURSES_REGISTRATION_RATE", DEFAULT_RATE)
    return is_ratelimited(
        request, group="courses.register", key="ip", rate=rate, method="POST", increment=True
    )


def event_page(event, request):
    """The event; on POST, a registration (confirmed or waiting) or the form with its errors."""
    if request.method != "POST":
        return event.render(request)
    if not event.registration_open:
        response = event.render(
            request,
            context_overrides={"form": None, "registration_error": _("Le iscrizioni sono chiuse.")},
        )
        response.status_code = 400
        return response
    form = RegistrationForm(request.POST, event=event)
    if _rate_limited(request):
        form.is_valid()
        form.add_error(None, _("Troppe iscrizioni da questa connessione: riprova tra un'ora."))
        response = event.render(request, context_overrides={"form": form})
        response.status_code = 429
        return response
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.register(
                event,
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
                needs=data["needs"],
                consent=data["consent"],
                **({"innovator": data["innovator"]} if data.get("innovator") else {}),
            )
        except services.AlreadyRegistered:
            form.add_error(
                "email",
                _(
                    "Questo indirizzo è già iscritto all'evento: controlla la tua e-mail di conferma."
                ),
            )
        else:
            return redirect(
                event.url + event.reverse_subpage("confirmation", args=(registration.token,))
            )
    return event.render(request, context_overrides={"form": form})


def _registration_or_404(event, token) -> Registration:
    registration = Registration.from_token(token, event.pk)
    if registration is None:
        raise Http404(_("Iscrizione non trovata."))
    return registration


def qr_code_svg(registration: Registration) -> str:
    """A QR code, drawn here as inline SVG, that opens the admin check-in on this registration."""
    checkin = f"{settings.WAGTAILADMIN_BASE_URL}{reverse('courses_checkin')}?q={registration.code}"
    svg = segno.make(checkin, error="m").svg_inline(
        scale=5, title=_("Codice QR dell'iscrizione %(code)s") % {"code": registration.code}
    )
    return mark_safe(svg)


def confirmation(event, request, token):
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


def cancellation(event, request, token):
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

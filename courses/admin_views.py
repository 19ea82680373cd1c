"""The door check-in: find a registration by code or name and mark the person present."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.numbers import parse_positive_int

from . import desk, services
from .models import Registration, RegistrationStatus

MAX_RESULTS = 50


def find_registrations(query: str, event_id: int | None = None):
    """Active registrations whose code is `query`, or whose name or e-mail contains it."""
    registrations = Registration.objects.active().select_related("event").order_by("name", "pk")
    if event_id:
        registrations = registrations.filter(event_id=event_id)
    query = query.strip()
    if query:
        registrations = registrations.filter(
            Q(code__iexact=query) | Q(name__icontains=query) | Q(email__icontains=query)
        )
    elif not event_id:
        return Registration.objects.none()
    return registrations[:MAX_RESULTS]


def checkin(request):
    if not desk.can_check_in(request.user):
        raise PermissionDenied
    if request.method == "POST":
        registration_id = parse_positive_int(request.POST.get("registration", ""))
        registration = get_object_or_404(Registration, pk=registration_id)
        attended = request.POST.get("action") != "undo"
        services.mark_attended(registration, attended)
        if attended:
            messages.success(request, _("%(name)s è presente.") % {"name": registration.name})
        else:
            messages.warning(
                request, _("Presenza di %(name)s annullata.") % {"name": registration.name}
            )
        return redirect(request.get_full_path())
    query = request.GET.get("q", "")
    event_id = parse_positive_int(request.GET.get("event", ""))
    return TemplateResponse(
        request,
        "courses/admin/checkin.html",
        {
            "query": query,
            "event_id": event_id,
            "registrations": find_registrations(query, event_id),
            "searched": bool(query.strip() or event_id),
            "waiting": RegistrationStatus.WAITING,
            "header_title": _("Check-in"),
        },
    )

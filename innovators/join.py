"""The join request view (/club/aderisci/): validate, save a draft, tell the editors.

Rate limited per IP; a filled honeypot gets the thank-you page and saves nothing. Nothing is
published without a moderator.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail.models import Locale

from django_ratelimit.core import is_ratelimited

from innovators.forms import JoinRequestForm
from innovators.models import JoinRequest
from portal.notifications import Notice, admin_url, send_notices

JOIN_RATE_DEFAULT = "5/h"


def join_request(request, page):
    thanks_url = page.url + page.reverse_subpage("join") + "?inviata=1"
    form_kwargs = {"language_code": page.language_code}
    status = 200
    if request.method == "POST":
        form = JoinRequestForm(request.POST, request.FILES, **form_kwargs)
        limited = is_ratelimited(
            request,
            group="innovators.join",
            key="ip",
            rate=getattr(settings, "INNOVATORS_JOIN_RATE", JOIN_RATE_DEFAULT),
            method="POST",
            increment=True,
        )
        if form.is_spam:
            return redirect(thanks_url)
        if limited:
            form.is_valid()
            form.add_error(None, _("Hai inviato troppe richieste. Riprova tra un'ora, grazie."))
            status = 429
        elif form.is_valid():
            with transaction.atomic():
                # One join request at a time per locale: two with the same name would otherwise
                # pick the same free slug (PostgreSQL runs them side by side).
                Locale.objects.select_for_update().get(pk=page.locale_id)
                innovator = form.save_draft(page.locale)
                record_join_request(form, innovator)
            notify(request, innovator)
            return redirect(thanks_url)
    else:
        form = JoinRequestForm(**form_kwargs)
    return _render(request, page, form, status)


def record_join_request(form, innovator) -> JoinRequest:
    """Keep what the applicant sent, as text, beside the draft (see JoinRequest)."""
    data = form.cleaned_data
    answers = {
        "name": data["name"],
        "kind": str(dict(form.fields["kind"].choices).get(data["kind"], data["kind"])),
        "sector": data["sector"].name,
        "short_description": data["short_description"],
        "description": data["description"],
        "tags": ", ".join(data["tags"]),
        "municipality": data["municipality"].name,
        "address": data["address"],
        "website": data["website"],
        "contact_email": data["contact_email"],
        "logo": bool(data["logo"]),
        "join_club": data["join_club"],
        "privacy": data["privacy"],
    }
    return JoinRequest.objects.create(innovator=innovator, answers=answers)


def _render(request, page, form, status):
    response = page.render(
        request,
        template="innovators/join_request.html",
        context_overrides={"form": form, "sent": request.GET.get("inviata") == "1"},
    )
    response.status_code = status
    return response


def moderator_emails() -> list[str]:
    """Active users who may publish innovators: superusers and members of groups allowed to."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename="publish_innovator")
        | Q(user_permissions__codename="publish_innovator")
    )
    return sorted(set(users.values_list("email", flat=True)))


def notify(request, innovator) -> None:
    """E-mail the editors and the applicant."""
    context = {
        "innovator": innovator,
        "edit_url": admin_url("wagtailsnippets_innovators_innovator:edit", innovator.pk),
    }
    send_notices(
        [
            Notice(
                _("Nuova richiesta di adesione: %(name)s") % {"name": innovator.name},
                "innovators/email/join_request_editors.txt",
                moderator_emails(),
            ),
            Notice(
                _("Pistoia2030: abbiamo ricevuto la tua richiesta"),
                "innovators/email/join_request_applicant.txt",
                [innovator.contact_email],
            ),
        ],
        context,
    )

"""The join request view (/club/aderisci/): validate, save a draft, tell the editors.

Rate limited per IP; a filled honeypot gets the thank-you page and saves nothing. Nothing is
published without a moderator.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from django_ratelimit.core import is_ratelimited

from innovators.forms import JoinRequestForm

logger = logging.getLogger(__name__)

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
                innovator = form.save_draft(page.locale)
            notify(request, innovator)
            return redirect(thanks_url)
    else:
        form = JoinRequestForm(**form_kwargs)
    return _render(request, page, form, status)


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
    """E-mail the editors and the applicant. A mail failure never undoes a saved request."""
    edit_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_innovators_innovator:edit", args=[innovator.pk]
    )
    context = {"innovator": innovator, "edit_url": edit_url}
    messages = []
    recipients = moderator_emails()
    if recipients:
        messages.append(
            (
                _("Nuova richiesta di adesione: %(name)s") % {"name": innovator.name},
                render_to_string("innovators/email/join_request_editors.txt", context),
                recipients,
            )
        )
    messages.append(
        (
            _("Pistoia2030: abbiamo ricevuto la tua richiesta"),
            render_to_string("innovators/email/join_request_applicant.txt", context),
            [innovator.contact_email],
        )
    )
    for subject, body, to in messages:
        try:
            send_mail(subject, body, None, to)
        except Exception:  # the request is saved; log and go on
            logger.exception("Join request e-mail not sent to %s", to)

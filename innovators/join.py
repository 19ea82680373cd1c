"""The join request view (/club/aderisci/): validate, save a draft, tell the editors.

A public form of the kit (`portal.forms`): rate limited per address; a filled honeypot gets the
thank-you page and saves nothing. The draft enters the editorial review (Moderazione's queue);
nothing is published without a moderator.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

from innovators.forms import JoinRequestForm
from innovators.models import ClubDirectoryPage, JoinRequest
from portal.forms import PublicFormView, RateLimit
from portal.links import admin_url
from portal.models import route_view
from portal.notifications import Notice, send_notices

JOIN_RATE_DEFAULT = "5/h"


class JoinRequestView(PublicFormView):
    form_class = JoinRequestForm
    rate_limit = RateLimit(
        group="innovators.join",
        setting="INNOVATORS_JOIN_RATE",
        default=JOIN_RATE_DEFAULT,
        message=gettext_lazy("Hai inviato troppe richieste. Riprova tra un'ora, grazie."),
    )

    def get_form_kwargs(self) -> dict:
        return {"language_code": self.page.language_code}

    def thanks(self):
        return redirect(self.page.url + self.page.reverse_subpage("join") + "?inviata=1")

    def form_valid(self, form):
        with transaction.atomic():
            # One join request at a time per locale: two with the same name would otherwise
            # pick the same free slug (PostgreSQL runs them side by side).
            Locale.objects.select_for_update().get(pk=self.page.locale_id)
            innovator = form.save_draft(self.page.locale)
            record_join_request(form, innovator)
            submit_for_review(innovator)
        notify(self.request, innovator)
        return self.thanks()

    def render(self, form, status=200):
        response = self.page.render(
            self.request,
            template="innovators/join_request.html",
            context_overrides={"form": form, "sent": self.request.GET.get("inviata") == "1"},
        )
        response.status_code = status
        return response


@route_view(ClubDirectoryPage, "join")
def join_request(request, page):
    """/club/aderisci/: the form; on POST, a draft innovator in moderation."""
    return JoinRequestView(request, page).response()


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
        "needs": ", ".join(category.name for category in data["needs"]),
        "needs_other": data["needs_other"],
        "privacy": data["privacy"],
    }
    return JoinRequest.objects.create(innovator=innovator, answers=answers)


def submit_for_review(innovator) -> None:
    """Start the innovators' workflow on the draft, so it waits in the moderators' queue;
    nobody is named as the requester: the public sent it. Wagtail's own e-mail about it is
    skipped (portal/review_mail.py): `notify` sends the one moderators get."""
    workflow = innovator.get_workflow()
    if workflow is not None and workflow.active:
        workflow.start(innovator, user=None)


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
    """E-mail the moderators (once each, in Italian, with the link to the draft) and the
    applicant."""
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

"""The innovator's editor: its tabs, and the join request as the applicant sent it (read-only).

Only the admin (`wagtail_hooks`) imports this module, so it may import the forms.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    Panel,
    TabbedInterface,
)

from innovators.admin_views import can_decline
from innovators.area.admin import PeoplePanel
from innovators.forms import JoinRequestForm
from innovators.permissions import CONTACT_PERMISSION
from portal.models import GeoLocationMixin

# Labels the admin shows for the answers the form's own labels don't name well.
ANSWER_LABELS = {
    "logo": _("Logo allegato"),
    "join_club": _("Vuole aderire al Club"),
    "privacy": _("Consenso privacy"),
}


def answer_rows(join_request, user) -> list[tuple[str, object]]:
    """(label, value) for each answer, in the form's order; booleans stay booleans. The contact
    e-mail only for those who may see it (moderators: docs/security.md)."""
    hidden = set() if user.has_perm(CONTACT_PERMISSION) else {"contact_email"}
    rows = []
    for name, field in JoinRequestForm.base_fields.items():
        if name in join_request.answers and name not in hidden:
            rows.append((ANSWER_LABELS.get(name, field.label), join_request.answers[name]))
    return rows


class JoinRequestPanel(Panel):
    """Shown only on innovators that came from the public join form."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "innovators/admin/join_request_panel.html"

        @property
        def join_request(self):
            try:
                return self.instance.join_request if self.instance.pk else None
            except self.instance._meta.model.join_request.RelatedObjectDoesNotExist:
                return None

        def is_shown(self):
            return self.join_request is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["join_request"] = self.join_request
            context["rows"] = answer_rows(self.join_request, self.request.user)
            if can_decline(self.request.user, self.join_request):
                context["decline_url"] = reverse(
                    "innovators_join_request_decline", args=[self.join_request.pk]
                )
            return context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Richiesta di adesione inviata"))
        super().__init__(*args, **kwargs)


def innovator_edit_handler() -> TabbedInterface:
    """The innovator's editor, in three tabs (the snippet viewset's `edit_handler`)."""
    return TabbedInterface(
        [
            ObjectList(
                [
                    JoinRequestPanel(),
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("year_founded")]),
                    FieldPanel("sector"),
                    FieldPanel("short_description"),
                    FieldPanel("description"),
                    FieldPanel("tags"),
                    FieldPanel("logo"),
                ],
                heading=_("Profilo"),
            ),
            ObjectList(
                [
                    FieldPanel("municipality"),
                    *GeoLocationMixin.geo_panels(municipality_field="municipality"),
                ],
                heading=_("Luogo"),
            ),
            ObjectList(
                [
                    FieldPanel("website"),
                    FieldPanel("linkedin"),
                    FieldPanel("instagram"),
                    FieldPanel("facebook"),
                    FieldPanel("contact_email", permission=CONTACT_PERMISSION),
                    PeoplePanel(),
                    MultiFieldPanel(
                        [FieldPanel("is_club_member"), FieldPanel("joined_on")],
                        heading=_("Club degli innovatori"),
                    ),
                ],
                heading=_("Contatti e club"),
            ),
        ]
    )

"""Admin panel of the innovator: the join request as the applicant sent it, read-only."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from innovators.permissions import CONTACT_PERMISSION

# Labels the admin shows for the answers the form's own labels don't name well.
ANSWER_LABELS = {
    "logo": _("Logo allegato"),
    "join_club": _("Vuole aderire al Club"),
    "privacy": _("Consenso privacy"),
}


def answer_rows(join_request, user) -> list[tuple[str, object]]:
    """(label, value) for each answer, in the form's order; booleans stay booleans. The contact
    e-mail only for those who may see it (moderators: docs/security.md)."""
    from innovators.forms import JoinRequestForm  # the form imports the models

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
            return context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Richiesta di adesione inviata"))
        super().__init__(*args, **kwargs)

"""Admin panels of the stories: what a public submission sent, read-only, above the form; the
form that asks a reason of the moderator who will not publish it."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel


def sent_context(submission) -> dict:
    """What the submission template needs: the record, its photos and its draft story."""
    return {
        "submission": submission,
        "photos": list(submission.photos.all().prefetch_renditions("max-240x180")),
        "story": submission.story,
    }


class SentSubmissionPanel(Panel):
    """Text, photos (thumbnails), consents (Sì/No) and the link to the draft story."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/submission_sent.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(sent_context(self.instance))
            return context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Che cosa è stato inviato"))
        super().__init__(*args, **kwargs)


class SubmissionModerationForm(WagtailAdminModelForm):
    """Status «Respinta» (not to be published) needs the reason, which the sender is sent."""

    def clean(self):
        cleaned = super().clean()
        from stories.models import SubmissionStatus

        rejected = cleaned.get("status") == SubmissionStatus.REJECTED
        if rejected and not (cleaned.get("decline_reason") or "").strip():
            self.add_error(
                "decline_reason",
                _("Scrivi il motivo per non pubblicarla: lo riceverà chi ha inviato la storia."),
            )
        return cleaned

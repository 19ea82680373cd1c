from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet

from portal.admin_ui import yes_no
from portal.csv import SafeSpreadsheetExportMixin
from portal.models import ProgrammePhase
from portal.workflow_actions import ReviewedSnippetViewSet
from stories import answers, api, innovators_area, privacy
from stories.models import StorySubmission
from stories.panels import SentSubmissionPanel, SubmissionModerationForm, sent_context


class ProgrammePhaseViewSet(ReviewedSnippetViewSet):
    model = ProgrammePhase
    icon = "time"
    menu_label = _("Fasi del programma")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["__str__", "status", "start_date", "end_date"]
    list_filter = ["status"]
    ordering = ["number"]
    search_fields = ["name", "summary"]


register_snippet(ProgrammePhaseViewSet)


class StorySubmissionIndexView(SafeSpreadsheetExportMixin, IndexView):
    """Every cell of the export guarded, the draft story's and the innovator's titles too;
    consents as Sì/No."""

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        bool: {"csv": yes_no, "xlsx": yes_no},
    }


class StorySubmissionInspectView(InspectView):
    template_name = "stories/admin/submission_inspect.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **sent_context(self.object)}


class StorySubmissionEditView(EditView):
    """Saved as «Respinta» with its reason: the draft leaves the review, the sender is told."""

    def save_instance(self):
        submission = super().save_instance()
        answers.submission_declined(submission, self.request.user)
        return submission


class StorySubmissionViewSet(ModelViewSet):
    """The stories sent through the public form: listed, inspected, exported (CSV/XLSX).

    The edit page shows what the sender wrote (text, photos, consents, the draft story) above
    the only fields editors change: the status, their notes and the reason not to publish,
    which «Respinta» requires and the sender gets by e-mail (`stories.answers`).
    """

    model = StorySubmission
    icon = "mail"
    menu_label = _("Storie inviate")
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = StorySubmissionIndexView
    edit_view_class = StorySubmissionEditView
    list_display = ["title", "name", "organisation", "status", "created_at"]
    list_filter = ["status", "created_at"]
    list_export = [
        "created_at",
        "get_status_display",
        "name",
        "organisation",
        "email",
        "title",
        "summary",
        "text",
        "photo_descriptions",
        "consent_privacy",
        "consent_publication",
        "innovator",
        "story",
        "notes",
        "decline_reason",
    ]
    export_headings = {"get_status_display": _("Stato")}
    export_filename = "storie-inviate"
    search_fields = ["title", "name", "organisation", "email", "summary"]
    edit_handler = ObjectList(
        [
            SentSubmissionPanel(),
            FieldPanel("status"),
            FieldPanel("decline_reason"),
            FieldPanel("notes"),
        ],
        base_form_class=SubmissionModerationForm,
    )
    inspect_view_enabled = True
    inspect_view_class = StorySubmissionInspectView
    ordering = ["-created_at"]


storysubmission_viewset = StorySubmissionViewSet("storysubmission")


@hooks.register("register_admin_viewset")
def register_story_submission_viewset():
    return storysubmission_viewset


hooks.register("register_api_page_fields", api.page_fields)
hooks.register("register_api_endpoint", api.endpoint)
hooks.register("register_personal_data", privacy.submissions)
hooks.register("register_innovator_area_section", innovators_area.section)

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stories.models import ProgrammePhase


class ProgrammePhaseViewSet(SnippetViewSet):
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

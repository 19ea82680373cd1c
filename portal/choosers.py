"""Snippet choosers whose language filter is labelled in Italian.

Wagtail's chooser adds its language filter as a form field with no label, so Django shows the
field's name, «Locale», which no catalogue translates. `SnippetChooserViewSet` is Wagtail's,
with that field labelled «Lingua»; a translatable snippet's viewset names it as its
`chooser_viewset_class`.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views import chooser


class LanguageLabelMixin:
    def get_filter_form(self):
        form = super().get_filter_form()
        if "locale" in form.fields:
            form.fields["locale"].label = _("Lingua")
        return form


class ChooseView(LanguageLabelMixin, chooser.ChooseView):
    pass


class ChooseResultsView(LanguageLabelMixin, chooser.ChooseResultsView):
    pass


class SnippetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView

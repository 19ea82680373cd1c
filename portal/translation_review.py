"""Translations go through the editorial review like any other change.

wagtail-localize saves a new or synced translation as a draft
(`WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False`), but its editor has no "submit for
review" action and its "Sync" form offers "publish immediately" to everyone. Here:

- "Invia la traduzione in revisione" (a button on translated pages and snippets with
  unpublished changes) saves the translation's latest strings as a draft and starts the
  object's workflow, so Moderazione gets the e-mail and the dashboard item, and publishes by
  approving;
- the "Sync" form offers "publish immediately" only to those who may publish;
- the translation editor leads with the same button, and no longer makes «Elimina» the main
  action of those who cannot publish (portal/templates/wagtail_localize/admin/edit_translation.html).

Registered from `PortalConfig.ready()`.
"""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.widgets import Button, ListingButton
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView


def managed_translation(obj) -> Translation | None:
    """The wagtail-localize translation that produces `obj`, if any."""
    return (
        Translation.objects.filter(
            source__object_id=obj.translation_key,
            target_locale_id=obj.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def can_publish(user, obj) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_publish()
    if not isinstance(obj, DraftStateMixin):
        return True
    return ModelPermissionPolicy(type(obj)).user_has_permission(user, "publish")


def can_edit(user, obj) -> bool:
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    return ModelPermissionPolicy(type(obj)).user_has_permission(user, "change")


def can_submit(user, obj, changed_only=True) -> bool:
    """A translated draft (or a live translation with unpublished changes) not yet in review.

    `changed_only=False` for the translation editor, where the strings being translated are
    not yet in the page: a live translation without a draft may be sent too."""
    if not isinstance(obj, DraftStateMixin) or not hasattr(obj, "get_workflow"):
        return False
    if changed_only and obj.live and not obj.has_unpublished_changes:
        return False
    workflow = obj.get_workflow()
    if workflow is None or not workflow.active or obj.workflow_in_progress:
        return False
    return can_edit(user, obj) and managed_translation(obj) is not None


class SubmitTranslationView:
    """GET: a confirmation; POST: save the translation's strings as a draft, start the review."""

    template_name = "portal/admin/submit_translation_for_review.html"

    @classmethod
    def as_view(cls):
        def view(request, content_type_id, pk):
            content_type = get_object_or_404(ContentType, pk=content_type_id)
            model = content_type.model_class()
            if model is None:
                raise PermissionDenied
            obj = get_object_or_404(model, pk=pk)
            obj = obj.specific if isinstance(obj, Page) else obj
            if not can_submit(request.user, obj, changed_only=False):
                raise PermissionDenied
            if request.method == "POST":
                return cls.submit(request, obj)
            return TemplateResponse(request, cls.template_name, {"object": obj})

        return view

    @staticmethod
    def submit(request, obj):
        translation = managed_translation(obj)
        translation.save_target(user=request.user, publish=False)
        obj = type(obj).objects.get(pk=obj.pk)
        obj.get_workflow().start(obj, request.user)
        messages.success(
            request,
            _("«%(title)s» è in revisione: la Moderazione riceve la richiesta.") % {"title": obj},
        )
        if isinstance(obj, Page):
            return redirect("wagtailadmin_explore", obj.get_parent().pk)
        return redirect(obj.snippet_viewset.get_url_name("list"))


def submit_url(obj) -> str:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return reverse("portal_submit_translation", args=[content_type.pk, obj.pk])


LABEL = gettext_lazy("Invia la traduzione in revisione")


def page_buttons(page, user, view_name=None, next_url=None):
    if can_submit(user, page.specific):
        yield ListingButton(LABEL, submit_url(page.specific), priority=61, icon_name="resubmit")


def snippet_buttons(snippet, user, next_url=None):
    if can_submit(user, snippet):
        yield Button(LABEL, submit_url(snippet), priority=101, icon_name="resubmit")


class PortalUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync" form, with "publish immediately" only for those who publish."""

    def get_form(self):
        form = super().get_form()
        if not can_publish(self.request.user, self.object.get_source_instance()):
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.widget = forms.HiddenInput()
        return form


def admin_urls():
    return [
        path(
            "translations/submit/<int:content_type_id>/<str:pk>/",
            SubmitTranslationView.as_view(),
            name="portal_submit_translation",
        ),
        # Before wagtail-localize's own route for the same address.
        path(
            "localize/update/<int:translation_source_id>/",
            PortalUpdateTranslationsView.as_view(),
            name="portal_update_translations",
        ),
    ]


def register() -> None:
    hooks.register("register_admin_urls", admin_urls, order=-100)
    hooks.register("register_page_listing_more_buttons", page_buttons)
    hooks.register("register_page_header_buttons", page_buttons)
    hooks.register("register_snippet_listing_buttons", snippet_buttons)

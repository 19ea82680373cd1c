"""The moderators' «Non pubblicare» of a join request: the reason is required, the applicant
gets it by e-mail (`innovators.answers`). Only those who may publish innovators (Moderazione)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innovators import answers
from innovators.models import JoinRequest
from innovators.permissions import CONTACT_PERMISSION

DECLINE_PERMISSION = CONTACT_PERMISSION  # who may publish may decide not to


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Motivo per non pubblicare"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Chi ha inviato la richiesta lo riceverà per e-mail."),
        error_messages={
            "required": gettext_lazy(
                "Scrivi il motivo per non pubblicarla: lo riceverà chi ha inviato la richiesta."
            )
        },
    )


def can_decline(user, join_request: JoinRequest) -> bool:
    return (
        user.has_perm(DECLINE_PERMISSION)
        and join_request.declined_at is None
        and not join_request.innovator.live
    )


def decline(request, pk: int):
    join_request = get_object_or_404(JoinRequest.objects.select_related("innovator"), pk=pk)
    if not request.user.has_perm(DECLINE_PERMISSION):
        raise PermissionDenied
    innovator = join_request.innovator
    edit_url = reverse("wagtailsnippets_innovators_innovator:edit", args=[innovator.pk])
    if not can_decline(request.user, join_request):
        messages.error(request, _("Questa richiesta è già pubblicata o già respinta."))
        return redirect(edit_url)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            answers.decline(join_request, form.cleaned_data["reason"], request.user)
        messages.success(
            request,
            _("«%(name)s» non sarà pubblicato: il motivo è stato inviato a chi l'ha chiesto.")
            % {"name": innovator.name},
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "innovators/admin/join_request_decline.html",
        {
            "header_title": _("Non pubblicare: %(name)s") % {"name": innovator.name},
            "form": form,
            "innovator": innovator,
            "edit_url": edit_url,
        },
        status=400 if form.is_bound else 200,
    )

"""wagtail-localize's translation editor, as an editor who cannot publish needs it
(portal/templates/wagtail_localize/admin/edit_translation.html)."""

import json

from django import template

from portal.translation_review import can_publish, can_submit, submit_url

register = template.Library()


@register.filter
def editor_props(props: str) -> str:
    """The React editor's props, with «Elimina» and «Converti in pagina alias» left out for
    those who cannot publish.

    The editor's footer makes the last of its actions its main button: Delete, or Convert to
    alias, came first for an editor opening a translation. Converting puts the Italian page live
    in place of the translation, a publication without review; deleting a draft is still in the
    page's own ⋯ menu, where Wagtail asks for confirmation. What remains in the footer is
    «Interrompi traduzione sincronizzata» (then the page is edited as any other) and the preview."""
    data = json.loads(props)
    if not data["perms"]["canPublish"]:
        data["perms"]["canDelete"] = False
        data["links"]["convertToAliasUrl"] = None
    return json.dumps(data)


@register.simple_tag(takes_context=True)
def translation_review(context, instance) -> dict | None:
    """«Invia la traduzione in revisione» for `instance`: its address, and whether it is the
    user's main action (they cannot publish); None when they may not send it (not theirs to
    edit, or already in review)."""
    user = context["request"].user
    if not can_submit(user, instance, changed_only=False):
        return None
    return {"url": submit_url(instance), "main": not can_publish(user, instance)}

"""Creating a page in the admin, without Wagtail 8's autosave on the creation form.

Autosave on the «Aggiungi pagina» form creates the page, as a draft, at the first pause in
typing: an editor who then leaves the form has left a draft in the tree, which holds the slug,
and the next try with the same title is refused («lo slug è già in uso»). Editing keeps
autosave: the page exists already. The view is Wagtail's own, answering the same URL (listed
in `portal/urls.py` before the admin's) with the admin's access check.
"""

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.create import CreateView


class CreateWithoutAutosaveView(CreateView):
    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "autosave_enabled": False}


create_page = require_admin_access(CreateWithoutAutosaveView.as_view())

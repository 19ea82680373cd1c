"""What every database of the portal holds before any content: the one setup function that
the migration `home/0002_portal_setup`, the demo loader and the tests share.

`set_up_portal(apps)` makes, idempotently: a Wagtail locale per language of the site, the 20
comuni, the first categories of offers and needs, the groups (Redazione, Moderazione,
Accoglienza, Innovatori) with their rights, and the «Revisione redazionale» workflow on the
whole page tree and the draftable snippets. Each part lives with the app it belongs to; this
function only runs them in order. It is written against an app registry (`apps.get_model`),
so the migration runs it on the historical models and a test that flushed the database runs it
on the real ones (`django.apps.apps`).

Frozen from the first deployment on: the migrations were squashed to one line per app while no
deployed database had a history to keep. Until then, change the setup here (and in the parts it
runs); once a database holds real data, a change of roles or reference data goes into a new
data migration with its own copy, and this function stays what `home/0002` did.
"""

from django.conf import settings

from courses.desk import setup_events_desk
from innovators.area.accounts import INNOVATORS_GROUP
from innovators.municipalities import load_municipalities
from innovators.synergies.categories import ensure_default_categories
from newsletter.permissions import grant_newsletter_permissions
from stories.editorial import route_reviews


def set_up_portal(apps, schema_editor=None) -> None:
    """Create what is missing of the portal's languages, reference data, roles and workflow."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code=code)
    load_municipalities(apps.get_model("innovators", "Municipality"))
    ensure_default_categories(apps.get_model("innovators", "OfferCategory"))
    route_reviews(apps)  # Redazione, Moderazione and the workflow, on the tree and the snippets
    setup_events_desk(apps)  # Accoglienza, and the desk's and the answers' rights
    grant_newsletter_permissions(apps)
    # The innovators' own accounts: no right at all, no admin access (innovators.area).
    apps.get_model("auth", "Group").objects.get_or_create(name=INNOVATORS_GROUP)

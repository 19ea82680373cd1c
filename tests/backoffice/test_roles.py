"""What each role may do, as docs/roles.md says: one test per group × action, logged in as the
demo's own `redazione` and `moderazione` accounts. Each action asks the admin (or Wagtail's
own permission checks, the ones the admin uses to show a button)."""

import io

from django.urls import reverse

from wagtail.models import Workflow

import pytest

from portal.models import PortalImage
from stories.editorial import WORKFLOW_NAME
from tests.images import image_bytes


def an_image(title) -> PortalImage:
    from django.core.files.images import ImageFile

    file = ImageFile(io.BytesIO(image_bytes("PNG", (40, 30))), name=f"{title}.png")
    return PortalImage.objects.create(title=title, file=file)


def get_ok(client, url) -> bool:
    response = client.get(url)
    assert response.status_code in (200, 302, 403), (url, response.status_code)
    return response.status_code == 200


def enter_admin(client, site, user):
    return get_ok(client, reverse("wagtailadmin_home"))


def edit_a_story(client, site, user):
    return get_ok(client, reverse("wagtailadmin_pages:edit", args=[site["story"].pk]))


def publish_a_page(client, site, user):
    return site["course"].permissions_for_user(user).can_publish()


def unlock_a_page_locked_by_another(client, site, user):
    course = site["course"]
    course.locked, course.locked_by = True, None
    course.save()
    return course.permissions_for_user(user).can_unlock()


def approve_a_review(client, site, user):
    [task] = Workflow.objects.get(name=WORKFLOW_NAME).tasks.specific()
    return bool(task.get_actions(site["story"], user))


def edit_an_innovator(client, site, user):
    url = reverse("wagtailsnippets_innovators_innovator:edit", args=[site["innovator"].pk])
    return get_ok(client, url)


def publish_an_innovator(client, site, user):
    return user.has_perm("innovators.publish_innovator")


def publish_a_phase(client, site, user):
    return user.has_perm("portal.publish_programmephase")


def translate_a_page(client, site, user):
    url = reverse("wagtail_localize:submit_page_translation", args=[site["story"].pk])
    return get_ok(client, url)


def translate_a_snippet(client, site, user):
    sector = site["sector"]
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["innovators", "sector", sector.pk]
    )
    return get_ok(client, url)


def delete_an_image_in_use(client, site, user):
    image = an_image("logo-in-uso")
    innovator = site["innovator"]
    innovator.logo = image
    innovator.save()
    return get_ok(client, reverse("wagtailimages:delete", args=[image.pk]))


def delete_an_unused_image(client, site, user):
    image = an_image("non-usata")
    return get_ok(client, reverse("wagtailimages:delete", args=[image.pk]))


def read_story_submissions(client, site, user):
    return get_ok(client, reverse("storysubmission:index"))


def see_offers_and_needs(client, site, user):
    return get_ok(client, "/admin/snippets/innovators/offer/?state=waiting")


def publish_an_offer(client, site, user):
    return user.has_perm("innovators.publish_offer")


def add_an_offer_category(client, site, user):
    return get_ok(client, "/admin/snippets/innovators/offercategory/add/")


def see_background_tasks(client, site, user):
    return get_ok(client, "/admin/attivita/")


def delete_a_page(client, site, user):
    return site["story"].permissions_for_user(user).can_delete()


# action: (redazione, moderazione), as in docs/roles.md
MATRIX = {
    enter_admin: (True, True),
    edit_a_story: (True, True),
    publish_a_page: (False, True),
    unlock_a_page_locked_by_another: (False, True),
    approve_a_review: (False, True),
    edit_an_innovator: (True, True),
    publish_an_innovator: (False, True),
    publish_a_phase: (False, True),
    translate_a_page: (True, True),
    translate_a_snippet: (True, True),
    delete_an_image_in_use: (False, True),
    delete_an_unused_image: (True, True),
    read_story_submissions: (True, True),
    delete_a_page: (False, True),
    see_offers_and_needs: (True, True),
    publish_an_offer: (False, True),
    add_an_offer_category: (True, True),
    see_background_tasks: (False, True),
}
CASES = [
    pytest.param(action, role, allowed[index], id=f"{role}-{action.__name__}")
    for action, allowed in MATRIX.items()
    for index, role in enumerate(["redazione", "moderazione"])
]


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_permission_matrix(client, site, demo_users, action, role, allowed):
    user = demo_users[role]
    client.force_login(user)
    assert action(client, site, user) is allowed

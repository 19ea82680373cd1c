"""The page tree of DESIGN.md is enforced by the page types: editors cannot build another."""

from wagtail.models import Page

import pytest

from home.models import ContentPage, HomePage, ImpactPage
from newsletter.factories import NewsletterPageFactory
from newsletter.models import NewsletterPage
from stories.factories import PhaseUpdatePageFactory
from stories.models import PhaseUpdatePage, ProgrammePage


def test_home_page_lives_at_the_root_only(home_page):
    root = Page.get_first_root_node()
    assert HomePage.can_exist_under(root)
    assert not HomePage.can_exist_under(home_page)


@pytest.mark.parametrize("page_type", [ProgrammePage, ContentPage, ImpactPage, NewsletterPage])
def test_sections_live_under_the_home_page(home_page, page_type):
    assert page_type.can_create_at(home_page)
    assert not page_type.can_exist_under(Page.get_first_root_node())


def test_one_programme_page_per_home(programme_page, home_page):
    assert not ProgrammePage.can_create_at(home_page)


def test_phase_updates_live_only_under_the_programme(programme_page, home_page):
    assert PhaseUpdatePage.can_create_at(programme_page)
    assert not PhaseUpdatePage.can_exist_under(home_page)
    update = PhaseUpdatePageFactory(parent=programme_page)
    assert PhaseUpdatePage.allowed_subpage_models() == []
    assert not ContentPage.can_create_at(update)


def test_content_pages_nest(home_page):
    about = ContentPage(title="Chi siamo", slug="chi-siamo")
    home_page.add_child(instance=about)
    assert ContentPage.can_create_at(about)
    assert not ProgrammePage.can_exist_under(about)


def test_one_newsletter_page_per_home_and_nothing_under_it(home_page):
    page = NewsletterPageFactory(parent=home_page)
    assert not NewsletterPage.can_create_at(home_page)
    assert NewsletterPage.allowed_subpage_models() == []
    assert not ContentPage.can_create_at(page)

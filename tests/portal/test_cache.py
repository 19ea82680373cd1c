from portal.cache import cached_for_content, content_version
from stories.factories import PhaseUpdatePageFactory


def test_cached_for_content_is_rebuilt_after_a_content_change(programme_page):
    builds = []

    def build():
        builds.append(1)
        return [len(builds)]

    assert cached_for_content("test-key", build) == [1]
    assert cached_for_content("test-key", build) == [1]  # served from the cache
    version = content_version()
    PhaseUpdatePageFactory(parent=programme_page)  # publishing content renews the version
    assert content_version() != version
    assert cached_for_content("test-key", build) == [2]


def test_site_frame_shows_a_new_menu_page_at_once(client, home_page, programme_page):
    from home.factories import ContentPageFactory

    assert "Chi siamo" not in client.get("/").content.decode()
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo", show_in_menus=True)
    assert ">Chi siamo</a>" in client.get("/programma/").content.decode()
    assert ">Chi siamo</a>" in client.get("/").content.decode()

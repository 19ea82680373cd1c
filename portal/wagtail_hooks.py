"""The portal's own hooks: the pages of the site search (see portal.search)."""

from wagtail import hooks

from portal.search import pages_provider

hooks.register("register_search_provider", pages_provider)

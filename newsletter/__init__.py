"""The newsletter: double opt-in subscriptions, preferences without an account, the weekly
digest of what the portal published (`manage.py send_newsletter`) and the editors' admin area.

It composes stories, courses and the programme, so it sits beside `home` at the top of the
dependency chain: only `home` imports it (docs/newsletter.md).
"""

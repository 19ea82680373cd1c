"""Run by tests/newsletter/test_send_in_background.py in its own process, on a database of its
own: `python -m tests.newsletter.background_send`.

A moderator presses «Invia ora» with the send in the background (the production setting): the
request only opens the issue and starts `manage.py send_newsletter` in a process of its own.
Prints, as JSON, the answer and the issue as that process left it.
"""

import json
import time

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from newsletter.factories import NewsletterPageFactory, SubscriberFactory  # noqa: E402
from newsletter.models import Issue  # noqa: E402
from stories.editorial import MODERATORS  # noqa: E402
from stories.factories import StoryIndexPageFactory, StoryPageFactory  # noqa: E402
from tests.production.concurrent_forms import build_site  # noqa: E402

home = build_site()
NewsletterPageFactory(parent=home)
StoryPageFactory(parent=StoryIndexPageFactory(parent=home), title="Il vivaio che risparmia acqua")
for number in range(3):
    SubscriberFactory(email=f"lettore{number}@example.org")
moderator = get_user_model().objects.create_user("moderazione", "m@example.org", "password")
moderator.groups.add(Group.objects.get(name=MODERATORS))

client = Client()
client.force_login(moderator)
with override_settings(NEWSLETTER_SEND_IN_BACKGROUND=True):
    response = client.post("/admin/newsletter/invia/")
opened = list(Issue.objects.values_list("finished_at", flat=True))
deadline = time.monotonic() + 120
while not Issue.objects.filter(finished_at__isnull=False).exists() and time.monotonic() < deadline:
    time.sleep(0.2)
issue = Issue.objects.get()
print(
    json.dumps(
        {
            "status": response.status_code,
            "finished_when_answered": [when is not None for when in opened],
            "finished": issue.finished_at is not None,
            "recipients": issue.recipients,
            "failures": issue.failures,
            "sent_by": issue.sent_by,
        }
    )
)

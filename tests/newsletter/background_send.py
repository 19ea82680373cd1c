"""Run by tests/newsletter/test_send_in_background.py in its own process, on a database of its
own: `python -m tests.newsletter.background_send`.

A moderator presses «Invia ora» with the production task backend (the database): the request
only opens the issue and queues its sending; the worker (`manage.py db_worker`) sends it.
Prints, as JSON, the answer, the issue as the request left it and as the worker left it.
"""

import json

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from django_tasks_db.models import DBTaskResult  # noqa: E402

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

with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
    client = Client()
    client.force_login(moderator)
    response = client.post("/admin/newsletter/invia/")
    opened = list(Issue.objects.values_list("finished_at", flat=True))
    queued = list(DBTaskResult.objects.values_list("task_path", "status"))
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)
issue = Issue.objects.get()
print(
    json.dumps(
        {
            "status": response.status_code,
            "finished_when_answered": [when is not None for when in opened],
            "queued": queued,
            "finished": issue.finished_at is not None,
            "recipients": issue.recipients,
            "failures": issue.failures,
            "sent_by": issue.sent_by,
            "tasks": list(DBTaskResult.objects.values_list("status", flat=True)),
        }
    )
)

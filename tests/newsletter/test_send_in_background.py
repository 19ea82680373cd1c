"""«Invia ora» as production runs it: the request answers at once, having only queued the send
(`newsletter.tasks.send_newsletter`); the worker sends the issue, on a real database file."""

import json

from tests.databases import run_python, separate_database


def test_send_now_queues_the_issue_for_the_worker(tmp_path, migrated_sqlite):
    with separate_database(tmp_path, migrated_sqlite) as url:
        result = run_python(url, "-m", "tests.newsletter.background_send")
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {
        "status": 302,
        "finished_when_answered": [False],  # opened by the request, not sent in it
        "queued": [["newsletter.tasks.send_newsletter", "READY"]],
        "finished": True,
        "recipients": 3,
        "failures": 0,
        "sent_by": "moderazione",
        "tasks": ["SUCCESSFUL"],
    }

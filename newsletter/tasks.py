"""The newsletter's background work (portal.tasks): «Invia ora» queues `send_newsletter`."""

from portal.tasks import background_task

from .models import Issue, IssueStatus
from .sending import send_issue


@background_task()
def send_newsletter(issue_id: int) -> str:
    """Send (or resume) the issue that «Invia ora» opened. Safe to run again: deliveries
    already made are skipped (`newsletter.sending`); an issue already closed sends nothing."""
    issue = Issue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return f"Newsletter n. {issue_id}: già inviata."
    return str(send_issue(issue))

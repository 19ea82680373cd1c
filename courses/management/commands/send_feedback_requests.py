"""E-mail the questionnaire's link to the participants checked in at events that just ended.
Run it daily."""

from django.core.management.base import BaseCommand

from courses.feedback.requests import send_feedback_requests


class Command(BaseCommand):
    help = (
        "Invia il link al questionario di valutazione a chi era presente a percorsi e sessioni "
        "conclusi negli ultimi giorni (una sola volta per iscrizione)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Eventi conclusi da al più tanti giorni."
        )
        parser.add_argument("--dry-run", action="store_true", help="Conta soltanto.")

    def handle(self, *args, days, dry_run, **options):
        report = send_feedback_requests(days=days, dry_run=dry_run)
        self.stdout.write(("Prova: " if dry_run else "") + str(report))

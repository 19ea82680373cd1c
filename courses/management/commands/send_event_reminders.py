"""E-mail a reminder to confirmed participants the day before their event. Run it hourly."""

from django.core.management.base import BaseCommand

from courses.reminders import REMINDER_HOURS, send_reminders


class Command(BaseCommand):
    help = (
        "Invia il promemoria agli iscritti confermati di percorsi e sessioni che iniziano "
        "entro 24 ore (una sola volta per iscrizione)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=REMINDER_HOURS)
        parser.add_argument("--dry-run", action="store_true", help="Conta soltanto.")

    def handle(self, *args, hours, dry_run, **options):
        report = send_reminders(hours=hours, dry_run=dry_run)
        self.stdout.write(("Prova: " if dry_run else "") + str(report))

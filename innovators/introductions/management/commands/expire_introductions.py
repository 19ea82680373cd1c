"""Close the introductions left unanswered for `INTRODUCTIONS_ANSWER_DAYS` (14): their askers
get a kind notice and no contact. Run it daily from cron (README)."""

from django.core.management.base import BaseCommand

from innovators.introductions.actions import expire


class Command(BaseCommand):
    help = "Chiude le richieste di presentazione scadute senza risposta e avvisa chi le ha chieste."

    def handle(self, *args, **options):
        closed = expire()
        self.stdout.write(f"Presentazioni scadute: {closed}")

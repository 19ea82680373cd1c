"""Daily (cron): remind the innovators of offers and needs that lapse within two weeks, once."""

from django.core.management.base import BaseCommand

from innovators.synergies.mail import send_reminders


class Command(BaseCommand):
    help = "Queue the reminder of each offer or need about to lapse (each is reminded once)."

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"{count} reminder(s) queued.")

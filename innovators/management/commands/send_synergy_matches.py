"""Monthly (cron): e-mail their matches to the people who asked for them in the area."""

from django.core.management.base import BaseCommand

from innovators.synergies.mail import send_matches


class Command(BaseCommand):
    help = "Queue the monthly matches e-mail for each person who asked (at most one a month)."

    def handle(self, *args, **options):
        count = send_matches()
        self.stdout.write(f"{count} matches e-mail(s) queued.")

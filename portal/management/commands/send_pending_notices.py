"""Send again the e-mails that failed (run it from cron every few minutes)."""

from django.core.management.base import BaseCommand

from portal.models import PendingNotice
from portal.models.notices import MAX_ATTEMPTS
from portal.notifications import send_pending


class Command(BaseCommand):
    help = "Invia di nuovo le e-mail non partite (PendingNotice)."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        given_up = PendingNotice.objects.filter(attempts__gte=MAX_ATTEMPTS).count()
        self.stdout.write(f"inviate: {sent}, ancora in attesa: {failed}, abbandonate: {given_up}")
        if given_up:
            self.stderr.write(
                f"{given_up} e-mail non partite dopo {MAX_ATTEMPTS} tentativi: "
                "vedi PendingNotice.last_error."
            )

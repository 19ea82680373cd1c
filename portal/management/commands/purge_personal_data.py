"""Purge personal data past its retention period (docs/security.md). Run it daily (cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.privacy import purge_personal_data


class Command(BaseCommand):
    help = (
        "Anonimizza le iscrizioni agli eventi conclusi ed elimina storie respinte e richieste di "
        "adesione mai pubblicate, trascorsi i giorni di conservazione."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PERSONAL_DATA_RETENTION_DAYS,
            help="Giorni di conservazione (default: PERSONAL_DATA_RETENTION_DAYS, %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Conta soltanto, senza cancellare nulla."
        )

    def handle(self, *args, days, dry_run, **options):
        report = purge_personal_data(days, dry_run=dry_run)
        prefix = "Da eliminare (prova): " if dry_run else "Eliminati: "
        self.stdout.write(prefix + str(report))

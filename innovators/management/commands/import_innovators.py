"""Import innovators from a CSV with the same columns as /api/innovatori.csv.

    python manage.py import_innovators innovatori.csv [--dry-run] [--draft] [--locale it]

Rows are matched on `slug`: an existing innovator is updated, a new one created. Each row is
saved in its own transaction, so a bad row is reported and skipped. The columns are documented
in innovators/exports.py.
"""

import csv

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale

from tqdm import tqdm

from innovators.importer import InnovatorImporter


class Command(BaseCommand):
    help = "Importa gli innovatori da un file CSV (stesse colonne dell'export /api/innovatori.csv)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Il file CSV, in UTF-8, con la riga di intestazione.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Controlla il file senza salvare nulla."
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Salva le modifiche come bozze da pubblicare in Wagtail, invece di pubblicarle.",
        )
        parser.add_argument(
            "--locale", default=settings.LANGUAGE_CODE, help="Lingua dei record (predefinita: it)."
        )

    def handle(self, *args, **options):
        try:
            locale = Locale.objects.get(language_code=options["locale"])
        except Locale.DoesNotExist:
            raise CommandError(f"Lingua sconosciuta: {options['locale']}") from None
        try:
            with open(options["file"], encoding="utf-8-sig", newline="") as file:
                reader = csv.DictReader(file)
                fieldnames = reader.fieldnames
                rows = list(reader)
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"Impossibile leggere {options['file']}: {error}") from None
        if not rows:
            raise CommandError("Il file non contiene righe di dati.")

        problems = InnovatorImporter.check_header(fieldnames)
        if problems:
            raise CommandError("Intestazione non valida: " + "; ".join(problems))

        importer = InnovatorImporter(
            locale, publish=not options["draft"], dry_run=options["dry_run"]
        )
        progress = tqdm(rows, desc="Innovatori", unit="righe", disable=options["verbosity"] < 1)
        for line, row in enumerate(progress, start=2):
            importer.import_row(line, row)

        report = importer.report
        prefix = "[prova, nulla salvato] " if options["dry_run"] else ""
        self.stdout.write(
            f"{prefix}Creati: {len(report.created)} · aggiornati: {len(report.updated)} · "
            f"scartati: {len(report.rejected)}"
        )
        for line, reason in report.rejected:
            self.stdout.write(self.style.WARNING(f"  riga {line}: {reason}"))
        if report.rejected:
            self.stderr.write(self.style.ERROR(f"{len(report.rejected)} righe scartate."))

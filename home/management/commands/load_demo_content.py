"""Fill the site with the demo content of `home/demo/data/` (see `home/demo/loader.py`).
Safe to run again."""

from django.core.management.base import BaseCommand, CommandError

from home.demo import loader, site, stories
from home.demo.data import DATA_DIR, DemoDataError, Reader
from portal.links import site_root_url


class Command(BaseCommand):
    help = (
        "Crea la struttura del sito e i contenuti demo di Pistoia2030 (idempotente). "
        "Le opzioni di scala generano grandi volumi per i benchmark."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--phase-updates",
            type=int,
            default=0,
            metavar="N",
            help="Genera N aggiornamenti di fase in più, oltre a quelli reali (per i benchmark).",
        )
        parser.add_argument(
            "--events",
            type=int,
            default=0,
            metavar="N",
            help="Genera N percorsi e sessioni in più, oltre ai 12 demo (per i benchmark).",
        )
        parser.add_argument(
            "--innovators",
            type=int,
            default=0,
            metavar="N",
            help="Genera N innovatori in più, oltre ai 40 demo (per i benchmark).",
        )
        parser.add_argument(
            "--stories",
            type=int,
            default=0,
            metavar="N",
            help="Genera N storie in più, oltre alle 12 demo (per i benchmark).",
        )
        parser.add_argument(
            "--no-admin", action="store_true", help="Non creare l'utente amministratore demo."
        )
        parser.add_argument(
            "--data",
            default=DATA_DIR,
            metavar="DIR",
            help="Cartella dei file di dati demo (predefinita: home/demo/data).",
        )

    def handle(self, *args, **options):
        try:
            loader.build(
                Reader(options["data"]),
                phase_updates=options["phase_updates"],
                events=options["events"],
                innovators_extra=options["innovators"],
                stories_extra=options["stories"],
            )
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        if not options["no_admin"]:
            password = site.demo_password()
            site.build_admin(self.stdout, password)
            stories.build_editorial_users(self.stdout, password)
        self.stdout.write(self.style.SUCCESS(f"Contenuti demo pronti: {site_root_url()}/"))

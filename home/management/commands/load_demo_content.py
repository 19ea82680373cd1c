"""Fill the site with demo content drawn from the programme's text. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import courses, english, impact, innovators, newsletter, programme, site, stories


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

    def handle(self, *args, **options):
        with transaction.atomic():
            home = site.build_home()
            pages = site.build_content_pages(home)
            site.build_site_settings(home, pages)
            phases = programme.build_phases()
            programme_page = programme.build_programme_page(home)
            programme.build_phase_updates(programme_page, phases, options["phase_updates"])
            courses.build(home, phases, options["events"])
            sectors = innovators.build_sectors()
            innovators.build_pages(home)
            innovators.build_innovators(sectors, options["innovators"])
            stories.build(home, phases, options["stories"])
            site.build_goals(home)
            impact.build_impact_page(home)
            newsletter.build_newsletter_page(home)
            english.build(home)
            site.order_menu(home)
        if not options["no_admin"]:
            password = site.demo_password()
            site.build_admin(self.stdout, password)
            stories.build_editorial_users(self.stdout, password)
        self.stdout.write(self.style.SUCCESS("Contenuti demo pronti: http://127.0.0.1:8000/"))

"""Send the digest of what was published since the last issue. Run it weekly from cron.

Safe to rerun and to resume after a crash (see `newsletter.sending`).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter.digest import Composition
from newsletter.links import SubscriberLinks
from newsletter.models import Subscriber, Topic
from newsletter.sending import (
    BATCH_SIZE,
    build_message,
    draft_issue,
    next_issue,
    recipients,
    send_issue,
)


class Command(BaseCommand):
    help = (
        "Invia la newsletter con le novità pubblicate dall'ultimo numero (storie, percorsi e "
        "sessioni con posti liberi, notizie dal programma). Riprende un invio interrotto."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Mostra che cosa verrebbe inviato, senza inviare.",
        )
        parser.add_argument(
            "--preview",
            metavar="EMAIL",
            help="Invia il prossimo numero soltanto a questo indirizzo, senza registrare nulla.",
        )
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Lingua dell'anteprima (default: %(default)s).",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument(
            "--no-progress", action="store_true", help="Senza barra di avanzamento."
        )

    def handle(self, *args, dry_run, preview, language, batch_size, no_progress, **options):
        if preview:
            return self.preview(preview, language)
        if dry_run:
            return self.dry_run()
        issue = next_issue(started_by="send_newsletter")
        if issue is None:
            self.stdout.write("Nessuna novità dall'ultimo numero: nessuna e-mail inviata.")
            return
        report = send_issue(issue, batch_size=batch_size, progress=not no_progress)
        self.stdout.write(self.style.SUCCESS(str(report)))

    def dry_run(self):
        issue = draft_issue()
        if not issue.items:
            self.stdout.write("Nessuna novità dall'ultimo numero: nessuna e-mail da inviare.")
            return
        state = f"n. {issue.pk}, in corso" if issue.pk else "nuovo"
        self.stdout.write(f"Numero {state}: novità dal {issue.since:%d/%m/%Y %H:%M}")
        for language, topics in issue.items.items():
            counts = ", ".join(f"{Topic(topic).label}: {len(ids)}" for topic, ids in topics.items())
            self.stdout.write(f"  [{language}] {counts}")
        count = recipients(issue).count()
        self.stdout.write(f"Destinatari: {count} (prova: nessuna e-mail inviata)")

    def preview(self, email, language):
        issue = draft_issue()
        if not issue.items.get(language):
            raise CommandError(f"Nessuna novità in lingua «{language}» per il prossimo numero.")
        subscriber = Subscriber.objects.filter(email=email.lower()).first() or Subscriber(
            email=email, language=language
        )
        subscriber.language = language
        message = build_message(
            Composition.load(issue.items, issue.introductions), SubscriberLinks(), subscriber
        )
        message.to = [email]
        message.send()
        self.stdout.write(self.style.SUCCESS(f"Anteprima inviata a {email} ({language})."))

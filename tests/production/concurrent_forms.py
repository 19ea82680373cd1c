"""Run by tests/production/test_concurrency.py in its own process on its own database:
`python -m tests.production.concurrent_forms <posts>`.

Builds the site, then for each public form fires all the posts at once, one thread (and one
database connection) each, through the whole Django stack, and prints what landed as JSON.
"""

import json
import sys
import threading

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from wagtail.models import Page, Site  # noqa: E402

from courses.factories import CourseIndexPageFactory, CoursePageFactory  # noqa: E402
from courses.models import Registration  # noqa: E402
from home.factories import HomePageFactory  # noqa: E402
from innovators.factories import ClubDirectoryPageFactory, SectorFactory  # noqa: E402
from innovators.models import Innovator, Municipality  # noqa: E402
from newsletter.factories import NewsletterPageFactory  # noqa: E402
from newsletter.models import Subscriber  # noqa: E402
from stories.editorial import attach_editorial_workflow  # noqa: E402
from stories.factories import (  # noqa: E402
    ProgrammePageFactory,
    StoryIndexPageFactory,
    StorySubmissionPageFactory,
)
from stories.models import StoryPage, StorySubmission  # noqa: E402


def build_site():
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


def join(home, posts):
    ClubDirectoryPageFactory(parent=home)
    sector = SectorFactory(name="Digitale", slug="digitale")
    municipality = Municipality.objects.get(slug="agliana")

    def data(number):
        return {
            # Half of them share a name: their slugs must still come out unique.
            "name": "Officina Nuova" if number % 2 else f"Officina {number}",
            "kind": "startup",
            "sector": sector.pk,
            "short_description": f"Richiesta numero {number}.",
            "municipality": municipality.pk,
            "contact_email": f"p{number}@example.org",
            "privacy": "on",
        }

    def count():
        names = list(Innovator.objects.values_list("short_description", flat=True))
        slugs = list(Innovator.objects.values_list("slug", flat=True))
        return {"rows": len(names), "distinct": len(set(names)), "slugs": len(set(slugs))}

    return "/club/aderisci/", data, count


def story(home, posts):
    programme = ProgrammePageFactory(parent=home)
    index = StoryIndexPageFactory(parent=home)
    attach_editorial_workflow(index, programme)
    StorySubmissionPageFactory(parent=index)

    def data(number):
        return {
            "name": f"Persona {number}",
            "email": f"p{number}@example.org",
            "title": "La stessa storia" if number % 2 else f"La storia numero {number}",
            "summary": f"La sintesi della storia numero {number}, abbastanza lunga.",
            "text": f"Il testo della storia numero {number}. " + "Una frase di racconto. " * 20,
            "consent_privacy": "on",
            "consent_publication": "on",
        }

    def count():
        emails = list(StorySubmission.objects.values_list("email", flat=True))
        paths = list(StoryPage.objects.values_list("url_path", flat=True))
        return {
            "rows": len(emails),
            "distinct": len(set(emails)),
            "slugs": len(set(paths)),
            "pages": len(paths),
        }

    return "/storie/racconta/", data, count


def registration(home, posts):
    index = CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=index, capacity=posts // 2)

    def data(number):
        # Every tenth person posts twice (a double click): one registration only.
        person = number - 1 if number % 10 == 9 else number
        return {"name": f"Persona {person}", "email": f"p{person}@example.org", "consent": "on"}

    def count():
        rows = list(Registration.objects.values_list("email", "status"))
        emails = [email for email, _status in rows]
        return {
            "rows": len(rows),
            "distinct": len(set(emails)),
            "confirmed": sum(status == "confirmed" for _email, status in rows),
            "slugs": len(set(emails)),
        }

    return course.url, data, count


def newsletter(home, posts):
    NewsletterPageFactory(parent=home)

    def data(number):
        # Every tenth person posts twice (a double click): one subscriber only.
        person = number - 1 if number % 10 == 9 else number
        return {
            "email": f"p{person}@example.org",
            "topics": ["stories", "courses"],
            "language": "it",
            "consent": "on",
        }

    def count():
        emails = list(Subscriber.objects.values_list("email", flat=True))
        return {"rows": len(emails), "distinct": len(set(emails)), "slugs": len(set(emails))}

    return "/newsletter/", data, count


def sign_in(home, posts):
    """Everyone asks a sign-in link for the same two addresses of one innovator at once: the
    area's account of each address is made once, every answer is the same page."""
    from django.contrib.auth import get_user_model

    from innovators.area.models import InnovatorPerson
    from innovators.factories import InnovatorFactory

    innovator = InnovatorFactory(contact_email="info@officina.example.org")
    InnovatorPerson.objects.create(innovator=innovator, email="anna@officina.example.org")
    addresses = ["info@officina.example.org", "anna@officina.example.org"]

    def data(number):
        return {"email": addresses[number % 2]}

    def count():
        users = list(
            get_user_model()
            .objects.filter(groups__name="Innovatori")
            .values_list("email", flat=True)
        )
        return {"rows": len(users), "distinct": len(set(users)), "slugs": len(set(users))}

    return "/area-innovatori/accedi/", data, count


def profile(home, posts):
    """One person saves the profile from many tabs at once: every save is a revision, and one
    review is under way at the end (each new save replaces the one waiting)."""
    from wagtail.models import Revision, WorkflowState

    from innovators.area.accounts import innovator_user
    from innovators.factories import InnovatorFactory
    from stories.editorial import attach_editorial_workflow

    attach_editorial_workflow()
    innovator = InnovatorFactory(contact_email="info@vivai.example.org")
    user = innovator_user("info@vivai.example.org", create=True)

    def data(number):
        return {
            "short_description": f"Vivai che curano il verde urbano ({number}).",
            "description": "Un nuovo testo.",
            "sector": innovator.sector_id,
            "tags": "verde urbano",
            "website": "https://vivai.example.org/",
            "municipality": innovator.municipality_id,
            "address": "Via del Vivaio 3",
            "latitude": "43.9301",
            "longitude": "10.9102",
            "contact_email": innovator.contact_email,
        }

    def count():
        revisions = Revision.objects.for_instance(innovator).count()
        reviews = (
            WorkflowState.objects.for_instance(innovator)
            .filter(status=WorkflowState.STATUS_IN_PROGRESS)
            .count()
        )
        return {"rows": revisions, "distinct": revisions, "slugs": reviews}

    return "/area-innovatori/profilo/", data, count, user


def fire(url, data, posts, user=None):
    connection.close()
    start = threading.Barrier(posts)
    statuses, errors = [], []

    def post(number):
        client = Client(REMOTE_ADDR=f"10.{number // 250}.{number % 250}.1")
        if user is not None:
            client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        try:
            start.wait()
            statuses.append(client.post(url, data(number)).status_code)
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"statuses": sorted(statuses), "errors": errors}


def main(posts: int):
    home = build_site()
    results = {}
    forms = {
        "join": join,
        "story": story,
        "registration": registration,
        "newsletter": newsletter,
        "sign_in": sign_in,
        "profile": profile,
    }
    for name, form in forms.items():
        url, data, count, *user = form(home, posts)
        results[name] = {**fire(url, data, posts, *user), **count()}
    print(json.dumps(results))


if __name__ == "__main__":
    main(int(sys.argv[1]))

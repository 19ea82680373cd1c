"""The English site of the demo, built with Wagtail's translation machinery.

Every page and snippet readers meet on /en/ is a wagtail-localize translation of its Italian
original: a copy with English copy written for the site, then recorded as translation source,
translation and string translations (`home.demo.localize.adopt`), so "Sync translated pages"
works on it. Safe to run again: a translation already managed by wagtail-localize is left as
the editors made it; plain copies from older demo databases are converted; only links that
still point to an Italian page are repaired.
"""

from django.utils.text import slugify

from wagtail.models import Locale

from courses.models import CourseIndexPage, CoursePage, SessionIndexPage, SessionPage
from home.models import HomeGoal, HomePage, ImpactPage
from innovators.models import Sector
from stories.models import (
    PhaseUpdatePage,
    ProgrammePage,
    ProgrammePhase,
    StoryIndexPage,
    StoryPage,
    StorySubmissionPage,
)

from .localize import adopt

LANGUAGE = "en"


def paragraphs(*texts: str) -> list:
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def heading(text: str) -> tuple:
    return ("heading", {"text": text, "level": "h2"})


HOME = {
    "slug": "pistoia2030-en",
    "title": "Pistoia2030",
    "seo_title": "Pistoia2030 · Building Capacity",
    "motto": "Building Capacity",
    "intro": "A shared journey of discovery, value and innovation, towards the Pistoia of "
    "the future.",
    "body": [
        heading("Building Capacity"),
        *paragraphs(
            "Pistoia2030 is the innovation programme of the province of Pistoia, promoted by the "
            "Chamber of Commerce of Pistoia, the Province of Pistoia and the Fondazione Cassa di "
            "Risparmio di Pistoia e Pescia, and carried out by design researchers of the "
            "Politecnico di Milano.",
            "It does not bring ready-made solutions: it helps the people and organisations of the "
            "territory to grow the skills, relationships and confidence to innovate on their own, "
            "from the Apennines to the Valdinievole.",
        ),
    ],
}

# Italian goal title: (English title, text, link label)
GOALS = {
    "Dare visibilità": (
        "Giving visibility",
        "Finding the people and ecosystems that innovate and care for the territory, so that "
        "everyone knows the excellence that can help the province grow.",
        "Map of innovators",
    ),
    "Stimolare la partecipazione": (
        "Encouraging participation",
        "Running participatory design, decision and action with public and private actors, "
        "to agree a shared vision and strategy for the territory's future.",
        "Co-creation sessions",
    ),
    "Accrescere le competenze": (
        "Building skills",
        "Supporting emerging initiatives and strengthening established ones, starting from "
        "what innovators, and those who want to become one, actually need.",
        "Training courses",
    ),
    "Creare sinergie": (
        "Creating synergies",
        "Growing a community of active, innovative people and organisations who share ideas, "
        "actions and skills, and support and inspire one another.",
        "Innovators' Club",
    ),
}

# Italian slug under the home page: English fields
SECTIONS = {
    "chi-siamo": {
        "title": "About us",
        "slug": "about-us",
        "intro": HOME["intro"],
        "body": [
            *paragraphs(
                "Pistoia2030 wants to make the province of Pistoia a place where innovation is "
                "recognised, shared and multiplied."
            ),
            heading("The promoters"),
            *paragraphs(
                "The Chamber of Commerce of Pistoia, the Province of Pistoia and the Fondazione "
                "Cassa di Risparmio di Pistoia e Pescia promote and fund the programme together."
            ),
            heading("Who carries it out"),
            *paragraphs(
                "A team of researchers and practitioners of the Politecnico di Milano's design "
                "department, who have run participatory programmes in many Italian regions."
            ),
        ],
    },
    "il-nostro-approccio": {
        "title": "Our approach",
        "slug": "our-approach",
        "intro": "Design research, participation and measurement: how Pistoia2030 works with "
        "the territory.",
        "body": [
            heading("Listening first"),
            *paragraphs(
                "Every phase starts from fieldwork: interviews, visits and observation of the "
                "companies, associations, schools and public bodies of the twenty municipalities."
            ),
            heading("Designing together"),
            *paragraphs(
                "Courses and actions are designed with the people who will use them, in "
                "co-creation sessions open to public and private actors."
            ),
            heading("Measuring what changes"),
            *paragraphs(
                "The last phase checks what worked, with figures the portal computes from its "
                "own data and publishes as open data."
            ),
        ],
    },
    "privacy": {
        "title": "Privacy notice",
        "slug": "privacy",
        "intro": "How the portal handles personal data.",
        "body": [
            heading("What data we collect"),
            *paragraphs(
                "Only what you send us through the portal's forms: your name and e-mail address "
                "when you register for a course or a session, tell your story or ask to join the "
                "Innovators' Club. E-mail addresses are never published."
            ),
            heading("For how long"),
            *paragraphs(
                "For as long as the programme needs them, and no longer than its end in 2027. "
                "You may ask to see, correct or delete your data at any time by writing to "
                "info@pistoia2030.it."
            ),
            heading("Cookies"),
            *paragraphs(
                "The portal uses only technical cookies and no third-party script, so no consent "
                "banner is needed."
            ),
        ],
    },
    "accessibilita": {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "intro": "The promoters' commitment to a portal everyone can use.",
        "body": [
            heading("Compliance status"),
            *paragraphs(
                "The portal aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at "
                "level AA. Every page type is checked with automated tools and by hand, and the "
                "map has a list alternative."
            ),
            heading("Feedback"),
            *paragraphs(
                "If something on the portal is hard to use, write to info@pistoia2030.it: we "
                "answer within thirty days."
            ),
        ],
    },
    "programma": {
        "title": "The programme",
        "slug": "programme",
        "intro": "Four phases, from 2025 to 2027, to build capacity in the Pistoia area: "
        "explore, design together, act and evaluate.",
    },
    "storie": {
        "title": "Stories",
        "slug": "stories",
        "intro": "Stories of the innovators of the Pistoia area: companies, associations, "
        "schools and public bodies that are changing the way they work.",
    },
    "mappa": {
        "title": "Map of innovators",
        "slug": "map",
        "intro": "The organisations innovating in the province of Pistoia: companies, "
        "start-ups, associations, schools and public bodies. Filter by sector, theme or "
        "municipality.",
    },
    "club": {
        "title": "Innovators' Club",
        "slug": "club",
        "intro": "A community of active, innovative people and organisations who share ideas, "
        "actions and skills to support and inspire one another.",
    },
    "formazione": {
        "title": "Training courses",
        "slug": "training",
        "intro": "Courses to build the skills innovators ask for: design methods, business "
        "planning, digital tools and storytelling.",
        "body": [],
    },
    "co-creazione": {
        "title": "Co-creation sessions",
        "slug": "co-creation",
        "intro": "Open workshops where citizens, companies and public bodies design the "
        "territory's future together.",
        "body": [],
    },
    "newsletter": {
        "title": "Newsletter",
        "slug": "newsletter",
        "intro": "Pistoia2030's news by e-mail, once a week and only when there is some: "
        "innovators' stories, training courses and co-creation sessions with seats left, news "
        "from the programme. You choose the topics and the language.",
        "issue_introduction": "<p>Good morning! This week Pistoia2030 tells new stories of the "
        "territory's innovators and opens registration for the next events. Enjoy.</p>",
    },
    "impatto": {
        "title": "Impact",
        "slug": "impact",
        "intro": "Phase 4, Evaluation: how many innovators the programme has made visible, how "
        "many people it has trained and involved. Figures computed by the portal, updated "
        "whenever something is published.",
    },
}

IMPACT_BODY = [
    heading("Giving visibility"),
    *paragraphs(
        "The map of innovators is the programme's first result: companies, start-ups, "
        "associations, schools and public bodies innovating in every municipality of the "
        "province."
    ),
    ("figure", {"indicator": "innovators_total", "heading": "", "commentary": ""}),
    ("figure", {"indicator": "club_members", "heading": "", "commentary": ""}),
    (
        "figure",
        {
            "indicator": "innovators_by_sector",
            "heading": "",
            "commentary": "Nursery gardening is still the largest sector, but the map shows a "
            "far more varied territory.",
        },
    ),
    ("figure", {"indicator": "innovators_by_municipality", "heading": "", "commentary": ""}),
    (
        "figure",
        {
            "indicator": "club_growth",
            "heading": "",
            "commentary": "The Club grows with every co-creation session.",
        },
    ),
    heading("Building skills and encouraging participation"),
    ("figure", {"indicator": "courses_held", "heading": "", "commentary": ""}),
    ("figure", {"indicator": "sessions_held", "heading": "", "commentary": ""}),
    ("figure", {"indicator": "registrations_confirmed", "heading": "", "commentary": ""}),
    ("figure", {"indicator": "seats_filled", "heading": "", "commentary": ""}),
    (
        "figure",
        {
            "indicator": "waiting_list",
            "heading": "",
            "commentary": "People on a waiting list get a seat as soon as one frees up.",
        },
    ),
    ("figure", {"indicator": "registrations_by_month", "heading": "", "commentary": ""}),
    ("figure", {"indicator": "newsletter_subscribers", "heading": "", "commentary": ""}),
    heading("Telling the change"),
    ("figure", {"indicator": "stories_total", "heading": "", "commentary": ""}),
    ("figure", {"indicator": "stories_by_phase", "heading": "", "commentary": ""}),
    ("figure", {"indicator": "phases", "heading": "", "commentary": ""}),
]

SUBMISSION = {
    "title": "Tell your story",
    "slug": "tell-your-story",
    "intro": "Do you have a project, an idea or an experience of innovation in the province of "
    "Pistoia? Tell us about it: the editors will read every story and may publish it.",
}

PHASES = {
    1: (
        "Exploration",
        "Research and observation of the territory's excellence and emerging players, to "
        "understand their needs and the ingredients of their innovation.",
    ),
    2: (
        "Design",
        "Designing, with the people involved, training, acceleration and strengthening "
        "paths and actions for innovators.",
    ),
    3: (
        "Action",
        "Carrying out the paths and actions designed together, and growing the community of "
        "innovators.",
    ),
    4: (
        "Evaluation",
        "Monitoring and checking the paths undertaken, to make sure the programme reaches its "
        "goals and to learn from what happened.",
    ),
}

SECTORS = {
    "vivaismo": "Nursery gardening",
    "tessile-abbigliamento": "Textiles and clothing",
    "mobile-arredo": "Furniture and interiors",
    "meccanica": "Engineering and rail",
    "calzaturiero": "Footwear",
    "agroalimentare": "Food and farming",
    "turismo": "Tourism and spas",
    "cultura": "Culture and creative industries",
    "digitale": "Digital",
    "sociale": "Social economy and non-profits",
}

PHASE_UPDATES = {
    "al-via-la-fase-di-esplorazione": {
        "title": "Pistoia2030 starts: the exploration phase begins",
        "slug": "the-exploration-phase-begins",
        "intro": "The Politecnico di Milano team sets out across the province to meet the "
        "organisations that innovate, well known or not.",
        "body": paragraphs(
            "With the exploration phase, Pistoia2030 gets under way. Researchers and designers "
            "will meet companies, associations, schools and public bodies in the province's "
            "twenty municipalities to tell what makes them innovative.",
            "Anyone who wants to suggest an innovative organisation can write to the team: "
            "every suggestion will be considered and, where relevant, included in the research.",
        ),
    },
    "incontrate-le-prime-realta-innovative": {
        "title": "Exploration: meeting the territory's first innovators",
        "slug": "meeting-the-first-innovators",
        "intro": "Interviews, visits and fieldwork: a first look back at months of research.",
        "body": paragraphs(
            "In three months the team visited nursery gardens and engineering firms, digital "
            "start-ups, social co-operatives and cultural organisations, from the Pistoia "
            "mountains to the Valdinievole.",
            "The conversations point to shared needs: digital skills, access to networks and "
            "visibility beyond the province's borders.",
        ),
    },
    "parte-la-fase-di-azione": {
        "title": "Action phase: the first courses start",
        "slug": "the-first-courses-start",
        "intro": "With the action phase, the paths designed together become real activities "
        "across the territory.",
        "body": paragraphs(
            "From March the first training courses and co-creation sessions get under way. The "
            "Innovators' Club opens to new members."
        ),
    },
}

STORIES = {
    "Alberi per le città europee, con metà dell'acqua": {
        "title": "Trees for European cities, with half the water",
        "intro": "A historic nursery on the plain and a sensor start-up have rethought how "
        "potted trees are watered.",
        "body": paragraphs(
            "For almost fifty years Vivai Verdecittà has grown street trees for avenues across "
            "Europe. During the exploration phase we visited its greenhouses and heard a precise "
            "need: measuring how much water each plant really needs.",
            "Together with Serre Bioniche Pistoiesi a small field laboratory was born: low-cost "
            "sensors in the pots, a shared dashboard and a season of trials. The result is "
            "close to forty per cent less water.",
        ),
        "quote": "We used to water by feel. Now we look at the data, and the plants are better "
        "for it.",
        "quote_attribution": "Production manager, Vivai Verdecittà",
    },
    "Il filo che torna: la lana rigenerata di Montale": {
        "title": "The thread that comes back: Montale's regenerated wool",
        "intro": "Two textile firms explain how knitwear offcuts become new yarn.",
        "body": paragraphs(
            "The textile district has a long history of reuse. Filati di Valle and Maglieria "
            "Montalese Lab have turned it into a method: offcuts sorted by colour, shredded and "
            "spun again without new dyes.",
            "The exploration interviews showed how hard it is to certify recycled content: a "
            "subject the programme will take into its training courses.",
        ),
        "quote": "",
        "quote_attribution": "",
    },
    "Coderdojo: programmare il sabato mattina": {
        "title": "Coderdojo: coding on Saturday mornings",
        "intro": "Volunteers and librarians teach children to code and to make things.",
        "body": paragraphs(
            "Every Saturday Biblioteca Makers hosts Coderdojo Pistoia: cardboard robots, video "
            "games and sensors.",
            "With the programme the sessions have reached six municipalities in the mountains "
            "and in the Valdinievole.",
        ),
        "quote": "They learn to get things wrong without fear: that is what matters most.",
        "quote_attribution": "Volunteer, Coderdojo Pistoia",
    },
}

EVENTS = {
    "design-thinking-per-le-imprese": {
        "title": "Design thinking for businesses",
        "slug": "design-thinking-for-businesses",
        "intro": "Design methods and tools to rethink products and services starting from the "
        "people who use them.",
    },
    "dal-progetto-al-business-plan": {
        "title": "From project to business plan",
        "slug": "from-project-to-business-plan",
        "intro": "Turning an innovative idea into a plan that convinces partners, banks and "
        "funders.",
    },
    "strumenti-digitali-per-le-associazioni": {
        "title": "Digital tools for associations",
        "slug": "digital-tools-for-associations",
        "intro": "Free and simple tools to organise volunteers, communicate and raise funds.",
    },
    "il-centro-storico-che-vorremmo": {
        "title": "The historic centre we would like",
        "slug": "the-historic-centre-we-would-like",
        "intro": "Residents, shopkeepers and the municipality imagine the future of Pistoia's "
        "historic centre together.",
    },
    "spazi-condivisi-per-l-innovazione": {
        "title": "Shared spaces for innovation",
        "slug": "shared-spaces-for-innovation",
        "intro": "Co-working spaces, makerspaces and libraries: designing places where "
        "innovators meet.",
    },
    "mobilita-sostenibile-in-valdinievole": {
        "title": "Sustainable mobility in the Valdinievole",
        "slug": "sustainable-mobility-in-the-valdinievole",
        "intro": "Commuters, schools and companies design better ways to move around the valley.",
    },
}
EVENT_BODY = paragraphs(
    "The meeting is held in Italian; English speakers are welcome and the facilitators will "
    "help with translation. Registration is free and seats are limited."
)


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def translate_page(page, locale, fields: dict):
    """The page's English translation, created and published with `fields` if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return adopt(page, existing.specific)
    copy = page.copy_for_translation(locale).specific
    fields = dict(fields)
    fields.setdefault("slug", slugify(fields.get("title", copy.title))[:70])
    if "body" in fields and not fields["body"] and hasattr(page, "body"):
        fields["body"] = page.body.stream_block.to_python([])
    return adopt(page, publish(copy, **fields))


def translate_snippet(instance, locale, **fields):
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return adopt(instance, existing)
    copy = instance.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    if hasattr(copy, "save_revision"):
        copy.save_revision().publish()
    return adopt(instance, copy)


def english(page, locale):
    """A page's English translation when there is one, else the page."""
    if page is None:
        return None
    return page.get_translation_or_none(locale) or page


def build(home: HomePage) -> HomePage:
    locale, _created = Locale.objects.get_or_create(language_code=LANGUAGE)

    sectors = {sector.slug: sector for sector in Sector.objects.filter(locale__language_code="it")}
    for slug, name in SECTORS.items():
        if slug in sectors:
            translate_snippet(sectors[slug], locale, name=name)
    phases = {}
    for phase in ProgrammePhase.objects.filter(locale__language_code="it"):
        name, summary = PHASES[phase.number]
        phases[phase.pk] = translate_snippet(phase, locale, name=name, summary=summary)

    en_home = translate_page(home, locale, HOME)

    for child in home.get_children().specific():
        fields = SECTIONS.get(child.slug)
        if fields is None:
            continue
        if isinstance(child, ImpactPage):
            fields = {**fields, "body": IMPACT_BODY}
        translated = translate_page(child, locale, fields)
        if isinstance(child, ProgrammePage):
            _translate_children(child, PhaseUpdatePage, PHASE_UPDATES, locale, phases)
        elif isinstance(child, StoryIndexPage):
            _translate_stories(child, locale, phases)
            _repair_featured_story(translated, locale)
        elif isinstance(child, CourseIndexPage | SessionIndexPage):
            model = CoursePage if isinstance(child, CourseIndexPage) else SessionPage
            _translate_children(child, model, EVENTS, locale, phases, body=EVENT_BODY)
    _repair_goals(en_home, locale)
    return en_home


def _translate_children(parent, model, texts: dict, locale, phases: dict, body=None) -> None:
    for page in model.objects.child_of(parent).filter(slug__in=list(texts)):
        fields = dict(texts[page.slug])
        if body is not None:
            fields.setdefault("body", body)
        if getattr(page, "phase_id", None):
            fields["phase"] = phases.get(page.phase_id, page.phase)
        translate_page(page, locale, fields)


def _translate_stories(index, locale, phases: dict) -> None:
    for story in StoryPage.objects.child_of(index).filter(title__in=list(STORIES)):
        fields = dict(STORIES[story.title])
        if story.phase_id:
            fields["phase"] = phases.get(story.phase_id, story.phase)
        translate_page(story, locale, fields)
    for form in StorySubmissionPage.objects.child_of(index):
        translate_page(form, locale, SUBMISSION)


def _repair_featured_story(index, locale) -> None:
    # Fresh from the database: a stale copy would save an outdated count of children.
    index = StoryIndexPage.objects.get(pk=index.pk)
    featured = index.featured_story
    if featured and featured.locale_id != locale.pk:
        translated = featured.get_translation_or_none(locale)
        publish(index, featured_story=translated.specific if translated else None)


def _repair_goals(en_home: HomePage, locale) -> None:
    """The English goals: English words, and links to the English sections."""
    changed = False
    for goal in HomeGoal.objects.filter(home=en_home).select_related("page"):
        english_goal = GOALS.get(goal.title)
        if english_goal:
            goal.title, goal.text, goal.link_label = english_goal
            changed = True
        if goal.page and goal.page.locale_id != locale.pk:
            goal.page = english(goal.page, locale)
            changed = True
        if changed:
            goal.save()
    if changed:
        publish(HomePage.objects.get(pk=en_home.pk))

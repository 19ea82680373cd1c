"""JSON-LD of stories and phase updates: schema.org Articles (registered with portal.seo)."""

from django.utils import timezone

from portal.seo import SCHEMA, Metadata, organization, register_json_ld
from stories.models import PhaseUpdatePage, StoryPage


@register_json_ld(StoryPage)
@register_json_ld(PhaseUpdatePage)
def article(page, request, context, meta: Metadata) -> dict:
    meta.og_type = "article"
    author_name = getattr(page, "author_name", "")
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": meta.title[:110],
        "description": meta.description,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or timezone.now()).isoformat(),
        "inLanguage": meta.language,
        "mainEntityOfPage": page.get_full_url(request),
        "author": (
            {"@type": "Person", "name": author_name}
            if author_name and "redazione" not in author_name.lower()
            else organization(request)
        ),
        "publisher": organization(request),
    }
    if meta.image_url:
        data["image"] = [meta.image_url]
    if getattr(page, "phase_id", None) and page.phase:
        data["articleSection"] = page.phase.name
    return data

"""`{% seo_head %}`: canonical, hreflang alternates, Open Graph, Twitter card and JSON-LD."""

from django import template

from portal.seo import page_metadata

register = template.Library()


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context):
    return {"meta": page_metadata(context)}

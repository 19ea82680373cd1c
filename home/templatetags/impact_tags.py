"""`{% impact_figure key %}`: one live indicator (a number, or a chart with its table)."""

from django import template

register = template.Library()


@register.inclusion_tag("home/includes/impact_figure.html", takes_context=True)
def impact_figure(context, key: str, heading: str = "", commentary: str = "", level: int = 2):
    figures = context.get("figures")
    figure = figures.get(key) if figures else None
    return {"figure": figure, "heading": heading, "commentary": commentary, "level": level}

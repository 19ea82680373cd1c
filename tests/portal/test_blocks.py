from django.core.exceptions import ValidationError

from wagtail.blocks import StructBlockValidationError

import pytest

from portal.blocks import BaseStreamBlock, CallToActionBlock
from portal.factories import ImageFactory
from tests.html import parse


class Rendered:
    def __init__(self, html):
        self.content = html.encode()


def render(block_name, value):
    block = BaseStreamBlock().child_blocks[block_name]
    return parse(Rendered(block.render(block.to_python(value))))


def test_every_block_has_an_icon_and_a_template():
    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.meta.icon != "placeholder", name
        assert block.meta.template, name


def test_call_to_action_needs_exactly_one_destination(home_page):
    block = CallToActionBlock()
    base = {"heading": "Aderisci", "text": "", "button_label": "Vai"}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**base, "page": None, "url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({**base, "page": home_page.pk, "url": "https://example.org"}))
    cleaned = block.clean(block.to_python({**base, "page": None, "url": "https://example.org"}))
    assert cleaned["url"] == "https://example.org"


def test_call_to_action_renders_a_link_to_the_page(home_page):
    html = render(
        "call_to_action",
        {
            "heading": "Scopri",
            "text": "Il programma",
            "page": home_page.pk,
            "url": "",
            "button_label": "Vai",
        },
    )
    link = html.find("a", class_="button")
    assert link["href"] == "/" and link.get_text() == "Vai"


def test_heading_block_uses_the_chosen_level():
    assert render("heading", {"text": "Sezione", "level": "h3"}).find("h3").get_text() == "Sezione"


def test_image_block_renders_a_responsive_lazy_picture_with_credit(db):
    image = ImageFactory(credit="Foto di Anna Bianchi", description="Vivai al tramonto")
    html = render("image", {"image": image.pk, "caption": "I vivai", "credit": ""})
    img = html.find("img")
    assert img["loading"] == "lazy" and img["width"] and img["height"]
    assert img["alt"] == "Vivai al tramonto"
    assert html.find("source", attrs={"type": "image/webp"})
    assert "Foto di Anna Bianchi" in html.find("figcaption").get_text()


def test_key_figures_block_lists_value_and_label():
    html = render(
        "key_figures",
        {"heading": "Numeri", "figures": [{"value": "20", "label": "comuni", "description": ""}]},
    )
    assert html.find("dt").get_text() == "comuni"
    assert html.select_one(".key-figures__value").get_text() == "20"


def test_quote_escapes_its_text():
    value = {"text": "<script>x</script> & co.", "attribution": "<b>Anna</b>", "role": "<i>r</i>"}
    html = render("quote", value)
    assert html.find("script") is None and html.find("b") is None and html.find("i") is None
    # the text is shown, escaped, not dropped
    assert html.select_one("blockquote p").get_text() == "<script>x</script> & co."
    assert html.find("figcaption").get_text() == "<b>Anna</b>, <i>r</i>"


def test_key_figures_limit(db):
    block = BaseStreamBlock().child_blocks["key_figures"]
    value = block.to_python(
        {"heading": "", "figures": [{"value": "1", "label": "x", "description": ""}] * 7}
    )
    with pytest.raises((ValidationError, StructBlockValidationError)):
        block.clean(value)

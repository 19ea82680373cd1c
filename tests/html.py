"""Helpers to read rendered pages with a real HTML parser instead of string slices."""

from bs4 import BeautifulSoup


def parse(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def texts(elements) -> list[str]:
    return [" ".join(element.get_text(" ", strip=True).split()) for element in elements]

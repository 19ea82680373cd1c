"""The demo's board: every offer and need of `offers.toml` is current on /club/bacheca/, in
Italian and in English, each on its innovator's profile."""

from home.demo.data import Reader
from home.demo.offers import OfferRecord
from innovators.models import Offer
from tests.html import parse, texts


def test_every_offer_of_the_data_file_is_on_the_board(demo, client):
    records = Reader().records(OfferRecord, "offers", "offers")
    assert len(records) >= 12
    assert {record.language for record in records} == {"it", "en"}
    assert {record.kind for record in records} == {"offro", "cerco"}
    current = Offer.objects.current()
    assert set(current.values_list("title", flat=True)) >= {record.title for record in records}
    board = parse(client.get("/club/bacheca/"))
    shown = texts(board.select(".offer-card .card__title"))
    newest = sorted(records, key=lambda record: record.days_ago)
    assert shown[: len(records)] == [record.title for record in newest]
    english = board.select('.offer-card .card__title[lang="en"]')
    assert len(english) == sum(1 for record in records if record.language == "en")
    first = records[0]
    profile = client.get(f"/club/{first.innovator}/").content.decode()
    assert first.title in profile

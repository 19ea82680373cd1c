import pytest
from tests.production.conftest import *  # noqa

URLS = [
    '/api/v2/pages/?search="',
    "/api/v2/pages/?search=%00",
    "/api/v2/pages/?search=a OR",
    "/api/v2/pages/?search=NEAR(a b)",
    "/api/v2/pages/?search=*",
    '/api/v2/pages/?search=a"b',
    "/api/v2/pages/?search=-a",
    "/api/v2/pages/?search=a AND NOT",
    "/api/v2/pages/?offset=99999999999999999999",
    "/api/v2/pages/?limit=99999999999999999999",
    "/api/v2/pages/?offset=-1",
    "/api/v2/pages/?limit=-1",
    "/api/v2/pages/?limit=abc",
    "/api/v2/phases/?offset=99999999999999999999",
    "/api/v2/innovators/?offset=99999999999999999999",
    '/api/v2/innovators/?search="',
    '/api/v2/innovators/?q="',
    "/api/v2/images/?offset=99999999999999999999",
    "/formazione/?mese=9999-12",
    "/co-creazione/?mese=9999-12",
    "/formazione/?mese=0001-01",
    "/formazione/?mese=2026-13",
    "/api/v2/pages/?child_of=99999999999999999999",
    "/api/v2/pages/?order=-id&offset=1e5",
    "/api/v2/pages/?translation_of=99999999999999999999",
    "/api/v2/pages/?id=99999999999999999999",
    "/api/v2/phases/?id=99999999999999999999",
    "/api/v2/pages/99999999999999999999/",
]


@pytest.mark.parametrize("url", URLS)
def test_probe(client, site, url):
    client.raise_request_exception = False
    r = client.get(url)
    print(url, r.status_code)
    assert r.status_code < 500

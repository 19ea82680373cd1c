"""The demo loader refuses data it cannot read: a file or key it never reads, a missing key,
an unknown key or block. It names the file and the record, and saves nothing."""

import shutil

from django.core.management import CommandError

from wagtail.models import Page

import pytest

from home.demo import site
from home.demo.data import DATA_DIR, DemoDataError, Reader
from home.demo.innovators import InnovatorRecord
from tests.home.test_demo_content import load


@pytest.fixture
def data_copy(tmp_path):
    """A copy of the data files to break."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    return folder


@pytest.mark.django_db
def test_a_data_file_or_key_the_loader_never_reads_stops_it(data_copy):
    (data_copy / "partners.toml").write_text('[[partners]]\nname = "Nessuno"\n')
    with (data_copy / "site.toml").open("a") as handle:
        handle.write('\n[footer]\ntext = "mai letto"\n')
    with pytest.raises(CommandError) as error:
        load("--no-admin", "--data", str(data_copy))
    assert "partners.toml (never read)" in str(error.value)
    assert "site.toml: footer" in str(error.value)
    assert not Page.objects.filter(depth=2, slug="pistoia2030").exists()  # all rolled back


@pytest.mark.django_db
def test_a_missing_key_names_the_file_and_the_record(data_copy):
    path = data_copy / "site.toml"
    path.write_text(path.read_text().replace('motto = "Costruire Capacità"\n', "", 1))
    with pytest.raises(CommandError, match=r"site\.toml: \[home\]: missing key 'motto'"):
        load("--no-admin", "--data", str(data_copy))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('kind = "startup"', "", r"innovators\.toml: innovators\[1\]: missing key 'kind'"),
        ('kind = "startup"', 'knd = "startup"', r"innovators\[1\]: unknown key 'knd'"),
        ("heading = ", "header = ", r"\[home\]: body\[0\]: unknown block 'header'"),
    ],
)
def test_records_check_their_keys(data_copy, old, new, message):
    for name in ("innovators", "site"):
        path = data_copy / f"{name}.toml"
        path.write_text(path.read_text().replace(old, new, 1))
    data = Reader(data_copy)
    with pytest.raises(DemoDataError, match=message):
        data.records(InnovatorRecord, "innovators", "innovators")
        data.record(site.Home, "site", "home")

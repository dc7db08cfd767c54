"""Pages go out gzip-compressed to browsers that accept it (Lighthouse: text compression)."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_html_is_gzip_compressed_when_accepted(client, home):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert '<html lang="de">' in html
    assert len(response.content) < len(html) / 2


def test_html_is_plain_without_accept_encoding(client, home):
    response = client.get("/")
    assert not response.has_header("Content-Encoding")
    assert '<html lang="de">' in response.content.decode()

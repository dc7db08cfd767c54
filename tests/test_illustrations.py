"""The example illustrations: drawn deterministically, and with ``ILLUSTRATION_CACHE_DIR`` (set
for the test suite) drawn once and then read from disk."""

from partnerships.initial_content import images


def test_the_same_entry_always_gives_the_same_picture(monkeypatch):
    monkeypatch.delenv(images.CACHE_DIR_ENV, raising=False)
    first = images.render_jpeg("phasen")
    assert first[:3] == b"\xff\xd8\xff"  # a JPEG
    assert images.render_jpeg("phasen") == first
    assert images.render_jpeg("netzwerk") != first


def test_a_cached_picture_is_the_drawn_one_and_is_read_back(monkeypatch, tmp_path):
    monkeypatch.setenv(images.CACHE_DIR_ENV, str(tmp_path / "bilder"))
    drawn = images.render_jpeg("logistik")
    assert drawn == images._draw_jpeg("logistik")
    (cached,) = (tmp_path / "bilder").iterdir()
    assert cached.name.startswith("logistik-") and cached.suffix == ".jpg"
    assert cached.read_bytes() == drawn
    cached.write_bytes(b"from the cache")
    assert images.render_jpeg("logistik") == b"from the cache"  # not drawn again

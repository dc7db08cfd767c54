"""The suite's rendition cache (``tests.rendition_cache``) gives what Wagtail would encode, and
a change to any input encodes anew."""

from io import BytesIO

import pytest
from wagtail.images.models import Filter

from tests import rendition_cache
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db

if not hasattr(Filter.run, "uncached"):
    pytest.skip("rendition cache switched off (RENDITION_CACHE=0)", allow_module_level=True)


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(rendition_cache, "directory", tmp_path)
    return tmp_path


def entries(directory):
    return sorted(path for path in directory.rglob("*") if path.is_file())


def encode(filter, image):
    output = BytesIO()
    result = filter.run(image, output)
    return type(result), result.format_name, output.getvalue()


@pytest.mark.parametrize("spec", ["width-40|format-avif", "fill-32x20|format-webp", "width-30"])
def test_a_cached_rendition_is_the_one_wagtail_encodes(cache_dir, spec):
    image = ImageFactory()
    filter = Filter(spec)
    output = BytesIO()
    fresh = Filter.run.uncached(filter, image, output)
    expected = (type(fresh), fresh.format_name, output.getvalue())
    assert encode(filter, image) == expected  # encoded and stored
    (entry,) = entries(cache_dir)
    assert encode(filter, image) == expected  # read back
    assert entries(cache_dir) == [entry]


def test_other_inputs_are_encoded_anew(cache_dir):
    image = ImageFactory()
    encode(Filter("fill-32x20|format-webp"), image)
    encode(Filter("fill-32x20|format-avif"), image)  # another spec
    image.focal_point_x, image.focal_point_y = 10, 10
    image.focal_point_width, image.focal_point_height = 4, 4
    encode(Filter("fill-32x20|format-webp"), image)  # another focal point
    other = ImageFactory(file__color="red")
    encode(Filter("fill-32x20|format-webp"), other)  # another picture
    assert len(entries(cache_dir)) == 4


def test_a_changed_image_setting_encodes_anew(cache_dir, settings):
    image = ImageFactory()
    filter = Filter("width-30")
    _, _, default_quality = encode(filter, image)
    settings.WAGTAILIMAGES_JPEG_QUALITY = 20
    _, _, low_quality = encode(filter, image)
    assert len(entries(cache_dir)) == 2
    assert low_quality != default_quality

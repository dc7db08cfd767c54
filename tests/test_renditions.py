"""Signed rendition URLs (``/bilder/<signature>/<id>/<filter>/``): only renditions within the
output size limit are made (issue 11, defect 8); the site's own specs keep working and a
rendition made once is reused."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import Http404
from wagtail.images.models import Filter
from wagtail.images.utils import generate_signature
from wagtail.images.views.serve import generate_image_url

from partnerships.models.images import CustomImage
from partnerships.seo import jsonld
from tests.factories import ImageFactory

ROOT = Path(__file__).resolve().parent.parent
LIMIT = getattr(settings, "WAGTAILIMAGES_MAX_RENDITION_DIMENSION", 2400)


def site_specs():
    """Every filter spec the site's templates and code request: the ``{% picture %}`` specs
    (expanded like Wagtail does) and the social image."""
    specs = {jsonld.SOCIAL_IMAGE_SPEC}
    for template in (ROOT / "templates").rglob("*.html"):
        for tag in re.findall(r"{% picture \w+ (.*?)%}", template.read_text()):
            tokens = [token for token in tag.split() if "=" not in token]
            specs.update(Filter.expand_spec(" ".join(tokens)))
    return sorted(specs)


@pytest.fixture
def no_rendering(monkeypatch):
    """Fails the test if a rendition would be made (the image decoded and encoded)."""

    def refuse(image, filter):
        raise AssertionError(f"rendition made for {filter.spec}")

    monkeypatch.setattr(CustomImage, "generate_rendition_file", refuse)


def test_the_limit_covers_every_size_the_site_requests():
    specs = site_specs()
    assert "format-avif|width-1200" in specs and "fill-1200x630" in specs
    sizes = [int(n) for spec in specs for n in re.findall(r"\d+", spec)]
    assert max(sizes) * 2 <= LIMIT  # room for a 2x variant of the largest one


@pytest.mark.django_db
@pytest.mark.parametrize("spec", site_specs())
def test_site_specs_redirect_to_a_rendition(client, home, spec):
    image = ImageFactory(file__width=1600, file__height=1000)
    response = client.get(generate_image_url(image, spec))
    assert response.status_code == 302
    rendition = image.renditions.get(filter_spec=spec)
    assert response["Location"] == rendition.url
    assert max(rendition.width, rendition.height) <= 1200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spec",
    [
        "scale-5000",
        "scale-101",
        "scale-nan",
        "scale-inf",
        "width-5000",
        "height-5000",
        f"width-{LIMIT + 1}",
        "fill-9000x9000",
        f"fill-{LIMIT + 1}x10",
        "max-3000x3000",
        "min-10x3000",
        "width-0",
        "fill-10x0",  # ZeroDivisionError in Wagtail (500) before
        "width-99999999999999999999",
        "format-heic",
        "format-webp|jpegquality-80|width-800|height-800|max-800x800",  # five operations
        "width-100|" * 40 + "width-100",
    ],
)
def test_specs_outside_the_limit_are_not_found(client, home, no_rendering, spec):
    image = ImageFactory()
    response = client.get(generate_image_url(image, spec))
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()
    assert not image.renditions.exists()


@pytest.mark.django_db
def test_refused_without_a_database_query(rf, no_rendering, django_assert_num_queries):
    from partnerships.images.renditions import LimitedServeView  # not at the top: new in issue 11

    view = LimitedServeView.as_view(action="redirect")
    signature = generate_signature(1, "scale-5000")
    request = rf.get(f"/bilder/{signature}/1/scale-5000/")
    with django_assert_num_queries(0), pytest.raises(Http404):
        view(request, signature, "1", "scale-5000")


@pytest.mark.django_db
@pytest.mark.parametrize("spec", ["scale-100", "format-webp", "jpegquality-60", "width-1200"])
def test_output_size_is_computed_from_the_image(client, home, no_rendering, spec):
    # Within the numbers, but the rendition would keep the tall image's 3000 px height.
    image = ImageFactory(file__width=200, file__height=3000)
    response = client.get(generate_image_url(image, spec))
    assert response.status_code == 404
    assert not image.renditions.exists()


@pytest.mark.django_db
def test_original_of_a_large_image_redirects_to_the_original_file(client, home, no_rendering):
    image = ImageFactory(file__width=3000, file__height=200)
    response = client.get(generate_image_url(image, "original"))
    assert response.status_code == 302
    assert response["Location"] == image.file.url
    assert not image.renditions.exists()


@pytest.mark.django_db
def test_within_the_limit_large_images_still_get_renditions(client, home):
    image = ImageFactory(file__width=3000, file__height=200)
    response = client.get(generate_image_url(image, "width-1200"))
    assert response.status_code == 302
    rendition = image.renditions.get(filter_spec="width-1200")
    assert (rendition.width, rendition.height) == (1200, 80)
    small = ImageFactory()
    response = client.get(generate_image_url(small, "original"))
    assert response["Location"] == small.renditions.get(filter_spec="original").url


@pytest.mark.django_db
def test_a_rendition_is_made_once_and_reused(client, home, monkeypatch):
    image = ImageFactory(file__width=800, file__height=600)
    url = generate_image_url(image, "fill-320x240")
    first = client.get(url)
    assert first.status_code == 302

    def refuse(image, filter):
        raise AssertionError("rendition made twice")

    monkeypatch.setattr(CustomImage, "generate_rendition_file", refuse)
    again = client.get(url)
    assert again.status_code == 302
    assert again["Location"] == first["Location"]
    assert image.renditions.count() == 1
    assert "max-age=3600" in again["Cache-Control"]


@pytest.mark.django_db
def test_bad_signatures_stay_forbidden(client, home, no_rendering):
    image = ImageFactory()
    signature = generate_signature(image.pk, "width-100")
    assert client.get(f"/bilder/{signature}/{image.pk}/width-5000/").status_code == 403
    assert client.get(f"/bilder/{signature}/{image.pk}/width-200/").status_code == 403
    assert client.get(f"/bilder/falsch/{image.pk}/scale-5000/").status_code == 403
    assert not image.renditions.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "spec",
    ["quatsch", "", "width-abc", "fill-10", "fill-axb", "scale-", "width-{1,2}", "bgcolor-zz"],
)
def test_broken_specs_are_bad_requests(client, home, no_rendering, spec):
    image = ImageFactory()
    response = client.get(f"/bilder/{generate_signature(image.pk, spec)}/{image.pk}/{spec}/")
    assert response.status_code == 400
    assert "Ungültige Anfrage" in response.content.decode()
    assert not image.renditions.exists()

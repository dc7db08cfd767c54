"""The finder's map in Chromium: a Land is reached with the keyboard and shows its focus, its
link narrows the list; screenshots of /praxisbeispiele/ (all, one Land chosen) and of a case
study's locator map at phone and desktop width."""

from pathlib import Path

import pytest

from tests.browser.conftest import content_live_server

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="module")
def map_server(django_db_setup, django_db_blocker):
    with content_live_server(django_db_blocker) as start:
        yield start()


def test_a_land_is_reached_by_keyboard_and_narrows_the_list(browser, map_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(f"{map_server.url}/praxisbeispiele/")
    nav = page.get_by_role("navigation", name="Praxisbeispiele nach Bundesland")
    links = nav.get_by_role("link")
    assert links.count() == 16
    land = nav.get_by_role("link", name="Niedersachsen:")
    name = land.get_attribute("aria-label")
    count = int(name.split(": ")[1].split()[0])
    land.focus()
    path = land.locator("path")
    assert path.evaluate("p => getComputedStyle(p).strokeWidth") == "4px"
    nav.screenshot(path=str(SHOTS / "casestudy-map-focus-1280.png"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/praxisbeispiele/?bundesland=niedersachsen")
    assert page.locator("#ergebnis-titel").inner_text().startswith(f"{count} Praxisbeispiel")
    current = page.locator('.laender-map a[aria-current="page"]')
    assert current.get_attribute("aria-label") == name
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_the_finder_with_its_map(browser, map_server, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="de-DE")
    page = context.new_page()
    shots = {
        "map": "/praxisbeispiele/",
        "map-niedersachsen": "/praxisbeispiele/?bundesland=niedersachsen",
    }
    for name, path in shots.items():
        response = page.goto(map_server.url + path)
        assert response.status == 200
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        box = page.locator(".laender-map svg").bounding_box()
        assert box["width"] > 250 and box["height"] > 300  # large enough to aim at a Land
        page.screenshot(path=str(SHOTS / f"casestudy-{name}-{width}.png"), full_page=True)
    page.get_by_role("link", name="Niedersachsen: 1 Praxisbeispiel").click()
    page.get_by_role("link", name="Oldenburger Münsterland", exact=False).first.click()
    assert page.get_by_role("img", name="Lage: Niedersachsen").is_visible()
    page.screenshot(path=str(SHOTS / f"casestudy-locator-{width}.png"), full_page=True)
    context.close()


def test_the_map_in_forced_colours_and_in_print(browser, map_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(f"{map_server.url}/praxisbeispiele/?bundesland=niedersachsen")
    nav = page.get_by_role("navigation", name="Praxisbeispiele nach Bundesland")

    def fill(name):
        path = nav.get_by_role("link", name=name).locator("path")
        return path.evaluate("p => getComputedStyle(p).fill")

    page.emulate_media(forced_colors="active")
    # Länder with case studies still stand apart from those without, in system colours.
    assert fill("Niedersachsen:") != fill("Hessen:")
    nav.screenshot(path=str(SHOTS / "casestudy-map-forced-colors-1280.png"))
    page.emulate_media(forced_colors="none", media="print")
    assert nav.is_visible()  # printed with the list, not hidden like the filter form
    assert not page.locator("form.filter").is_visible()
    assert fill("Niedersachsen:") != fill("Hessen:")
    page.screenshot(path=str(SHOTS / "casestudy-map-print.png"), full_page=True)
    context.close()

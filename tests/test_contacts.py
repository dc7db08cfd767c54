"""Contact persons („Ansprechpartner“) and clear fields in the page editor.

Contact persons are snippets: editors create them once in the admin and choose them on case
studies and concept pages, which show them in a „Kontakt“ box. The page editor says where each
image appears, offers „In Menüs anzeigen“ only where menus read it, and shows Bundesland and
Projektphase as plain selects.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyPage
from concepts.models import ConceptPage, ConceptPageContactPerson
from partnerships.models.contact_persons import ContactPerson
from tests.factories import ContactPersonFactory, ImageFactory
from tests.helpers import hrefs, main, soup, text_of

CASE_STUDY = "/praxisbeispiele/ernaehrungscluster-oldenburger-land/"
CONCEPT = "/konzept/grundidee/"


def contact_box(response):
    """The „Kontakt“ section of the page's main content, or None."""
    heading = main(response).find("h2", string="Kontakt")
    return heading.find_parent("section") if heading else None


def publish(page):
    page.save_revision().publish()
    return page


# --- The public pages -------------------------------------------------------------------------


def test_case_study_shows_its_contact_person(client, site_tree):
    box = contact_box(client.get(CASE_STUDY))
    assert box is not None
    text = text_of(box)
    for part in ("Dr. Anna Beispiel", "Wirtschaftsförderung", "Landkreis Vechta", "04441 898-0"):
        assert part in text
    assert "mailto:anna.beispiel@example.org" in hrefs(box)
    assert "tel:044418980" in hrefs(box)


def test_concept_page_shows_the_contact_persons_in_order_with_photo(client, site_tree):
    photo = ImageFactory(title="Porträt", description="Porträt von Jonas Muster")
    first = ContactPersonFactory(
        name="Jonas Muster", role="Clustermanager", phone="+49 4441 12-34", photo=photo
    )
    second = ContactPersonFactory(name="Projektteam Konzept", role="", organisation="")
    page = ConceptPage.objects.get(pk=site_tree.concepts[0].pk)
    page.contact_persons = [
        ConceptPageContactPerson(person=first, sort_order=0),
        ConceptPageContactPerson(person=second, sort_order=1),
    ]
    publish(page)

    box = contact_box(client.get(CONCEPT))
    assert box is not None
    names = [text_of(strong) for strong in box.find_all("strong")]
    assert names == ["Jonas Muster", "Projektteam Konzept"]
    assert "Clustermanager" in text_of(box)
    assert "tel:+4944411234" in hrefs(box)
    assert f"mailto:{second.email}" in hrefs(box)
    image = box.find("img")
    assert image is not None and image["alt"] == "Porträt von Jonas Muster"
    assert "fill-96x96" in image["src"] or "fill-192x192" in image["src"]


def test_pages_without_contact_persons_have_no_contact_box(client, site_tree):
    assert contact_box(client.get(CONCEPT)) is None
    assert contact_box(client.get("/praxisbeispiele/logistik-leipzig/")) is None


def test_a_changed_contact_person_shows_on_every_page_naming_it(client, site_tree):
    person = ContactPerson.objects.get(pk=site_tree.contact_person.pk)
    page = ConceptPage.objects.get(pk=site_tree.concepts[0].pk)
    page.contact_persons = [ConceptPageContactPerson(person=person)]
    publish(page)
    person.phone = "04441 999-1"
    person.save()
    for url in (CASE_STUDY, CONCEPT):
        assert "04441 999-1" in text_of(contact_box(client.get(url)))


# --- The admin: create a contact person, choose it on a page ------------------------------------


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editor_creates_a_contact_person_in_the_admin(editor_client, site_tree):
    menu = editor_client.get("/admin/").content.decode()
    assert "Ansprechpartner" in menu
    url = reverse("wagtailsnippets_partnerships_contactperson:add")
    response = editor_client.post(
        url,
        {
            "name": "Petra Neu",
            "role": "Leiterin Wirtschaftsförderung",
            "organisation": "Stadt Emden",
            "email": "petra.neu@example.org",
            "phone": "04921 87-0",
            "photo": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    person = ContactPerson.objects.get(name="Petra Neu")
    assert (person.role, person.organisation, person.phone) == (
        "Leiterin Wirtschaftsförderung",
        "Stadt Emden",
        "04921 87-0",
    )
    listing = editor_client.get(reverse("wagtailsnippets_partnerships_contactperson:list"))
    assert "Petra Neu" in listing.content.decode()
    found = editor_client.get(
        reverse("wagtailsnippets_partnerships_contactperson:list"), {"q": "Emden"}
    )
    assert "Petra Neu" in found.content.decode()
    assert "Dr. Anna Beispiel" not in found.content.decode()


def test_editor_may_not_delete_contact_persons(editor_client, site_tree):
    person = site_tree.contact_person
    url = reverse("wagtailsnippets_partnerships_contactperson:delete", args=[person.pk])
    editor_client.post(url)
    assert ContactPerson.objects.filter(pk=person.pk).exists()


def test_editor_finds_contact_persons_in_the_chooser(editor_client, site_tree):
    response = editor_client.get(
        reverse("wagtailsnippetchoosers_partnerships_contactperson:choose"), {"q": "Beispiel"}
    )
    assert response.status_code == 200
    assert "Dr. Anna Beispiel" in response.content.decode()


def case_study_form(person_ids, **extra):
    data = {
        "title": "Hafenkooperation Emden",
        "slug": "hafenkooperation-emden",
        "teaser": "Hafen und Stadt arbeiten zusammen.",
        "kommune": "Stadt Emden",
        "bundesland": "niedersachsen",
        "phase": "",
        "year_from": "2008",
        "year_to": "",
        "ausgangslage": rich_text("<p>Ein Hafen mit Zukunft.</p>"),
        "ziele": rich_text(""),
        "vorgehen": rich_text(""),
        "ergebnisse": rich_text(""),
        "erfolgsfaktoren": rich_text(""),
        "partners": inline_formset([]),
        "contact_persons": inline_formset([{"person": str(pk)} for pk in person_ids]),
        "related_concept_links": inline_formset([]),
        "comments": inline_formset([]),
        **extra,
    }
    return nested_form_data(data)


def test_editor_chooses_contact_persons_for_a_new_case_study(editor_client, site_tree):
    other = ContactPersonFactory(name="Hafenbüro Emden")
    chosen = [site_tree.contact_person.pk, other.pk]
    args = ["casestudies", "casestudypage", site_tree.cs_index.pk]
    # The preview of the unsaved page shows both, in the chosen order.
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=args)
    assert editor_client.post(preview_url, case_study_form(chosen)).json()["is_valid"]
    shown = contact_box(editor_client.get(preview_url))
    assert [text_of(s) for s in shown.find_all("strong")] == [
        "Dr. Anna Beispiel",
        "Hafenbüro Emden",
    ]

    response = editor_client.post(
        reverse("wagtailadmin_pages:add", args=args), case_study_form(chosen)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = CaseStudyPage.objects.get(slug="hafenkooperation-emden")
    assert [link.person for link in page.contact_persons.all()] == [site_tree.contact_person, other]


def test_editor_chooses_a_contact_person_on_a_concept_page(editor_client, site_tree):
    page = site_tree.concepts[1]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = editor_client.get(url).content.decode()
    assert 'name="contact_persons-TOTAL_FORMS"' in form
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "teaser": page.teaser,
            "body": streamfield([("paragraph", rich_text("<p>Wer an den Tisch gehört.</p>"))]),
            "contact_persons": inline_formset([{"person": str(site_tree.contact_person.pk)}]),
            "comments": inline_formset([]),
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert [link.person for link in draft.contact_persons.all()] == [site_tree.contact_person]


# --- Clear fields -------------------------------------------------------------------------------


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return soup(response)


def help_text(form, field):
    """The help text the editor reads at ``field`` (Wagtail links it by aria-describedby)."""
    widget = form.find(attrs={"name": field})
    assert widget is not None, field
    ids = (widget.get("aria-describedby") or "").split()
    if not ids:  # choosers: the described input is hidden, the help sits in the field's panel
        panel = widget.find_parent(attrs={"data-field-wrapper": True}) or widget.parent
        node = panel.find(id=lambda value: value and value.endswith("-helptext"))
        return text_of(node) if node else ""
    return " ".join(text_of(form.find(id=i)) for i in ids if form.find(id=i))


# Page (attribute of the site tree) → whether „In Menüs anzeigen“ does something there.
MENU_FIELD = {
    "home": False,
    "about": True,  # a standard page below the home page
    "contact": True,
    "concept_index": True,
    "cs_index": True,
    "news_index": True,
}
LEAVES = {"concept": False, "case_study": False, "news": False}


def page_of(site_tree, key):
    return {
        "concept": site_tree.concepts[0],
        "case_study": site_tree.case_studies["oldenburg"],
        "news": site_tree.seed_news,
    }.get(key) or getattr(site_tree, key)


@pytest.mark.parametrize("key", [*MENU_FIELD, *LEAVES])
def test_show_in_menus_only_where_menus_read_it(admin_client_de, site_tree, key):
    form = edit_form(admin_client_de, page_of(site_tree, key))
    has_field = form.find("input", attrs={"name": "show_in_menus"}) is not None
    assert has_field is {**MENU_FIELD, **LEAVES}[key]
    if has_field:
        assert "direkt unter der Startseite" in help_text(form, "show_in_menus")


# Page → {image field: words its help text must contain (where it appears)}.
IMAGE_HELP = {
    "home": {"listing_image": ["Teilen", "Startseite"]},
    "about": {"listing_image": ["nur", "Teilen", "keine Übersicht"]},
    "concept": {"listing_image": ["Das Konzept", "Im Fokus", "Teilen"]},
    "case_study": {
        "listing_image": ["Karte", "Praxisbeispiele", "Weitere Praxisbeispiele", "Titelbild"],
        "hero_image": ["oben auf dem Praxisbeispiel", "Bildnachweis"],
    },
    "news": {
        "listing_image": ["nur", "Teilen", "keine Bilder"],
        "image": ["über dem Text der Meldung", "Bildnachweis"],
    },
}


@pytest.mark.parametrize("key", IMAGE_HELP)
def test_image_fields_say_where_the_image_appears(admin_client_de, site_tree, key):
    form = edit_form(admin_client_de, page_of(site_tree, key))
    for field, words in IMAGE_HELP[key].items():
        text = help_text(form, field)
        for word in words:
            assert word in text, (field, text)


def test_bundesland_and_projektphase_are_plain_selects(admin_client_de, site_tree):
    form = edit_form(admin_client_de, site_tree.case_studies["oldenburg"])
    bundesland = form.find("select", attrs={"name": "bundesland"})
    assert bundesland is not None
    assert "Niedersachsen" in [text_of(o) for o in bundesland.find_all("option")]
    assert bundesland.find("option", selected=True)["value"] == "niedersachsen"
    phase = form.find("select", attrs={"name": "phase"})
    assert phase is not None
    names = [text_of(o) for o in phase.find_all("option") if o.get("value")]
    assert names == ["Analyse", "Strategieentwicklung", "Umsetzung"]  # in the phases' order
    assert text_of(phase.find("option", selected=True)) == "Umsetzung"

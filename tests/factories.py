"""Factories for every page type and snippet, built on wagtail-factories.

Page factories need a ``parent`` (``HomePageFactory(parent=root)``); StreamField bodies are
given in Wagtail's JSON form (a list of ``{"type": ..., "value": ...}``).
"""

import datetime
from types import SimpleNamespace

import factory
import wagtail_factories
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Page, Site

from casestudies.models import (
    Branche,
    CaseStudyConceptLink,
    CaseStudyContactPerson,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPartner,
    Projektphase,
)
from concepts.models import ConceptIndexPage, ConceptPage
from news.models import EventIndexPage, EventPage, EventRelatedPage, NewsIndexPage, NewsPage
from partnerships.models.contact_persons import ContactPerson
from partnerships.models.home import HomePage, HomePageFeaturedItem
from partnerships.models.images import CustomImage
from partnerships.models.pages import ContactFormField, ContactPage, StandardPage


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


class ImageFactory(DjangoModelFactory):
    """A small real image in the root collection (not a new root collection per image)."""

    title = factory.Sequence(lambda n: f"Bild {n}")
    file = factory.django.ImageField(width=64, height=48, color="teal")
    description = "Teilnehmende einer Clusterkonferenz im Gespräch"
    collection = factory.LazyFunction(Collection.get_first_root_node)

    class Meta:
        model = CustomImage


class BrancheFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Branche {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))

    class Meta:
        model = Branche
        django_get_or_create = ("slug",)


class ProjektphaseFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Phase {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    sort_order = factory.Sequence(int)

    class Meta:
        model = Projektphase
        django_get_or_create = ("slug",)


class ContactPersonFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ansprechpartner {n}")
    role = "Wirtschaftsförderung"
    organisation = "Landkreis Vechta"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")

    class Meta:
        model = ContactPerson


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Strategische Partnerschaften"
    slug = "startseite"
    teaser = "Clusterorientierte Wirtschaftsförderung auf kommunaler Ebene."
    intro = "<p>Willkommen auf der Website der strategischen Partnerschaften.</p>"
    signature = "Rambøll Management"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standardseite {n}")
    teaser = "Eine einfache Inhaltsseite."
    show_in_menus = False
    body = factory.LazyFunction(
        lambda: [paragraph("<p>Angaben gemäß § 5 DDG: Rambøll Management Consulting.</p>")]
    )

    class Meta:
        model = StandardPage


# The contact form's fields: (label, field type, required, autocomplete).
CONTACT_FIELDS = [
    ("Name", "singleline", True, "name"),
    ("E-Mail-Adresse", "email", True, ""),
    ("Organisation oder Kommune", "singleline", False, "organization"),
    ("Anliegen", "singleline", True, "off"),
    ("Nachricht", "multiline", True, ""),
]


def contact_form_fields():
    return [
        ContactFormField(
            label=label,
            field_type=field_type,
            required=required,
            autocomplete=autocomplete,
            help_text="Höchstens 5.000 Zeichen." if field_type == "multiline" else "",
            sort_order=i,
        )
        for i, (label, field_type, required, autocomplete) in enumerate(CONTACT_FIELDS)
    ]


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Kontakt"
    slug = "kontakt"
    teaser = "So erreichen Sie das Projektteam."
    intro = "<p>Wir freuen uns auf Ihre Nachricht.</p>"
    thank_you_text = "<p>Ihre Nachricht ist angekommen. Wir antworten bald.</p>"
    to_address = "projektteam@example.org"
    subject = "Kontaktformular"
    form_fields = factory.LazyFunction(contact_form_fields)

    class Meta:
        model = ContactPage


class ConceptIndexPageFactory(wagtail_factories.PageFactory):
    title = "Das Konzept"
    slug = "konzept"
    teaser = "Die Bausteine der strategischen Partnerschaft."
    intro = "<p>Das Konzept überträgt strategische Partnerschaften auf Kommunen.</p>"
    show_in_menus = True

    class Meta:
        model = ConceptIndexPage


class ConceptPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Konzeptbaustein {n}")
    teaser = "Ein Baustein des Konzepts."
    body = factory.LazyFunction(
        lambda: [
            heading("Ausgangslage in der Region"),
            paragraph("<p>Kommunen richten ihre Wirtschaftsförderung an Clustern aus.</p>"),
            heading("Schlüsselbranchen identifizieren", "h2"),
            heading("Datenquellen", "h3"),
            paragraph("<p>Beschäftigtenstatistik und Gespräche mit Unternehmen.</p>"),
        ]
    )

    class Meta:
        model = ConceptPage


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Praxisbeispiele"
    slug = "praxisbeispiele"
    teaser = "Wie Kommunen strategische Partnerschaften umsetzen."
    intro = "<p>Beispiele aus Kommunen und Regionen in ganz Deutschland.</p>"
    show_in_menus = True

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Praxisbeispiel {n}")
    teaser = "Ein Praxisbeispiel."
    kommune = "Landkreis Vechta"
    bundesland = "niedersachsen"
    year_from = 2005
    year_to = 2007
    ausgangslage = "<p>Die Ernährungswirtschaft prägt die Region.</p>"
    ziele = "<p>Fachkräfte sichern und Netzwerke stärken.</p>"

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True

    @factory.post_generation
    def branchen(obj, create, extracted, **kwargs):
        if extracted:
            obj.branchen.set(extracted)
            if create:
                obj.save()


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelles"
    slug = "aktuelles"
    teaser = "Meldungen rund um strategische Partnerschaften."
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meldung {n}")
    teaser = "Eine Meldung."
    date = datetime.date(2008, 1, 15)
    body = factory.LazyFunction(lambda: [paragraph("<p>Text der Meldung.</p>")])

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    teaser = "Tagungen, Workshops und Online-Termine rund um strategische Partnerschaften."
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An event in Oldenburg, a day from 10:00 to 16:30, in 30 days (give ``start_date``)."""

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    teaser = "Eine Veranstaltung."
    start_date = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=30))
    start_time = datetime.time(10, 0)
    end_time = datetime.time(16, 30)
    format = "praesenz"
    venue = "Kulturzentrum PFL"
    street_address = "Peterstraße 3"
    postal_code = "26121"
    locality = "Oldenburg"
    bundesland = "niedersachsen"

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def themen(obj, create, extracted, **kwargs):
        if extracted:
            obj.themen.set(extracted)
            if create:
                obj.save()


def build_events(ns, today=None):
    """The event list below ``ns.home`` (from ``build_site``) with five events around
    ``today`` (default: today), returned in ``ns.events`` by key:

    ==========  =======================  =======  ===================  ========  ==========
    tagung      21.–22.04.2007 (past)    präsenz  niedersachsen        Ernährung  news link
    online      today + 10 days          online   –                    Logistik
    hybrid      today + 40 days          hybrid   sachsen              Logistik
    bayern      today + 70 days, 2 days  präsenz  bayern               Ernährung
    abgesagt    today + 20 days          präsenz  niedersachsen        –          cancelled
    ==========  =======================  =======  ===================  ========  ==========
    """
    today = today or datetime.date.today()
    day = datetime.timedelta(days=1)
    b = ns.branchen
    ns.event_index = EventIndexPageFactory(parent=ns.home)
    ns.events = {
        "tagung": EventPageFactory(
            parent=ns.event_index,
            title="Wirtschaftsförderung im ländlichen Raum",
            slug="tagung-laendlicher-raum-2007",
            start_date=datetime.date(2007, 4, 21),
            end_date=datetime.date(2007, 4, 22),
            start_time=None,
            end_time=None,
            themen=[b["ernaehrung"]],
        ),
        "online": EventPageFactory(
            parent=ns.event_index,
            title="Online-Sprechstunde Clustermanagement",
            slug="online-sprechstunde",
            start_date=today + 10 * day,
            start_time=datetime.time(14, 0),
            end_time=datetime.time(15, 30),
            format="online",
            online_url="https://konferenz.example.org/sprechstunde",
            venue="",
            street_address="",
            postal_code="",
            locality="",
            bundesland="",
            themen=[b["logistik"]],
        ),
        "hybrid": EventPageFactory(
            parent=ns.event_index,
            title="Logistikforum Leipzig",
            slug="logistikforum-leipzig",
            start_date=today + 40 * day,
            format="hybrid",
            online_url="https://konferenz.example.org/logistikforum",
            venue="Messehaus",
            locality="Leipzig",
            postal_code="04109",
            bundesland="sachsen",
            registration_url="https://anmeldung.example.org/logistikforum",
            themen=[b["logistik"]],
        ),
        "bayern": EventPageFactory(
            parent=ns.event_index,
            title="Werkstatt Lebensmittelregion",
            slug="werkstatt-lebensmittelregion",
            start_date=today + 70 * day,
            end_date=today + 71 * day,
            start_time=datetime.time(9, 30),
            end_time=datetime.time(13, 0),
            venue="Landratsamt",
            locality="Sonthofen",
            postal_code="87527",
            bundesland="bayern",
            themen=[b["ernaehrung"]],
        ),
        "abgesagt": EventPageFactory(
            parent=ns.event_index,
            title="Netzwerktreffen Cloppenburg",
            slug="netzwerktreffen-cloppenburg",
            start_date=today + 20 * day,
            status="abgesagt",
            locality="Cloppenburg",
        ),
    }
    tagung = ns.events["tagung"]
    tagung.related_pages.add(EventRelatedPage(target=ns.seed_news))
    tagung.save()
    return ns


# --- A whole small site ---------------------------------------------------------------------

SEED_NEWS_TITLE = "Wirtschaftsförderer diskutieren Herausforderungen für den ländlichen Raum"
SEED_NEWS_DATE = datetime.date(2007, 4, 24)


def make_home(**kwargs):
    """A HomePage as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    site = Site.objects.get(is_default_site=True)
    previous = site.root_page
    home = HomePageFactory(parent=root, **kwargs)
    site.root_page = home
    site.site_name = "Strategische Partnerschaften"
    site.save()
    from partnerships.models.settings import SiteSettings

    SiteSettings.for_site(site)  # as after the first visit: created on demand otherwise
    if previous.pk != home.pk and previous.specific_class is Page:
        previous.delete()
    return home


def build_site():
    """Home page, the three sections with children, and legal pages. Returns a namespace.

    Case studies (branchen / bundesland / phase) are chosen so that every filter alone and
    every combination gives a different result:

    ====================================  =====================  ====================  ==========
    Ernährungscluster Oldenburger Land    Ernährung, Maschinenb.  niedersachsen         umsetzung
    Maschinenbau in Ostwestfalen          Maschinenbau           nordrhein-westfalen   strategie
    Logistikdrehscheibe Leipzig           Logistik               sachsen               umsetzung
    Agrartechnik im Landkreis Cloppenburg Maschinenbau           niedersachsen         analyse
    Lebensmittelregion Allgäu             Ernährung              bayern                strategie
    (draft) Hafenkooperation Bremen       Logistik               bremen                umsetzung
    ====================================  =====================  ====================  ==========
    """
    ns = SimpleNamespace()
    ns.home = make_home()

    ns.concept_index = ConceptIndexPageFactory(parent=ns.home)
    ns.concepts = [
        ConceptPageFactory(
            parent=ns.concept_index,
            title="Grundidee der strategischen Partnerschaft",
            slug="grundidee",
            teaser="Was Unternehmen und Kommunen voneinander haben.",
        ),
        ConceptPageFactory(
            parent=ns.concept_index,
            title="Akteure einbinden",
            slug="akteure",
            teaser="Wer an den Tisch gehört.",
        ),
        ConceptPageFactory(
            parent=ns.concept_index,
            title="Maßnahmen umsetzen",
            slug="massnahmen",
            teaser="Vom Konzept zur Umsetzung.",
        ),
    ]

    ns.branchen = {
        "ernaehrung": BrancheFactory(name="Ernährungswirtschaft", slug="ernaehrungswirtschaft"),
        "maschinenbau": BrancheFactory(name="Maschinenbau", slug="maschinenbau"),
        "logistik": BrancheFactory(name="Logistik", slug="logistik"),
    }
    ns.phasen = {
        "analyse": ProjektphaseFactory(name="Analyse", slug="analyse", sort_order=1),
        "strategie": ProjektphaseFactory(
            name="Strategieentwicklung", slug="strategie", sort_order=2
        ),
        "umsetzung": ProjektphaseFactory(name="Umsetzung", slug="umsetzung", sort_order=3),
    }
    b, p = ns.branchen, ns.phasen
    ns.cs_index = CaseStudyIndexPageFactory(parent=ns.home)

    def case_study(title, slug, kommune, land, branchen, phase, **kwargs):
        return CaseStudyPageFactory(
            parent=ns.cs_index,
            title=title,
            slug=slug,
            kommune=kommune,
            bundesland=land,
            phase=phase,
            branchen=branchen,
            **kwargs,
        )

    ns.case_studies = {
        "oldenburg": case_study(
            "Ernährungscluster Oldenburger Land",
            "ernaehrungscluster-oldenburger-land",
            "Landkreis Vechta",
            "niedersachsen",
            [b["ernaehrung"], b["maschinenbau"]],
            p["umsetzung"],
            year_from=2004,
            year_to=2007,
            teaser="Agrar- und Ernährungswirtschaft als Motor der Region.",
            ausgangslage="<p>Weltmarktführer im Spezialmaschinenbau prägen die Region.</p>",
            ergebnisse="<p>Ein Fachkräftenetzwerk mit 40 Unternehmen.</p>",
        ),
        "owl": case_study(
            "Maschinenbau in Ostwestfalen",
            "maschinenbau-ostwestfalen",
            "Kreis Gütersloh",
            "nordrhein-westfalen",
            [b["maschinenbau"]],
            p["strategie"],
            year_from=2006,
            year_to=None,
        ),
        "leipzig": case_study(
            "Logistikdrehscheibe Leipzig",
            "logistik-leipzig",
            "Stadt Leipzig",
            "sachsen",
            [b["logistik"]],
            p["umsetzung"],
        ),
        "cloppenburg": case_study(
            "Agrartechnik im Landkreis Cloppenburg",
            "agrartechnik-cloppenburg",
            "Landkreis Cloppenburg",
            "niedersachsen",
            [b["maschinenbau"]],
            p["analyse"],
        ),
        "allgaeu": case_study(
            "Lebensmittelregion Allgäu",
            "lebensmittel-allgaeu",
            "Landkreis Oberallgäu",
            "bayern",
            [b["ernaehrung"]],
            p["strategie"],
        ),
    }
    ns.image = ImageFactory(
        title="Clusterkonferenz",
        description="Unternehmerinnen und Landrat bei der Clusterkonferenz in Vechta",
    )
    ns.decorative_image = ImageFactory(title="Ornament", description="", is_decorative=True)
    oldenburg = ns.case_studies["oldenburg"]
    oldenburg.listing_image = ns.image
    oldenburg.related_concept_links.add(CaseStudyConceptLink(concept=ns.concepts[0]))
    ns.contact_person = ContactPersonFactory(
        name="Dr. Anna Beispiel",
        role="Wirtschaftsförderung",
        organisation="Landkreis Vechta",
        email="anna.beispiel@example.org",
        phone="04441 898-0",
    )
    oldenburg.contact_persons.add(CaseStudyContactPerson(person=ns.contact_person))
    oldenburg.partners.add(
        CaseStudyPartner(name="Agrarwirtschaft Oldenburger Münsterland e. V.", kind="netzwerk")
    )
    oldenburg.save()
    ns.home.featured_items.add(HomePageFeaturedItem(target=ns.concepts[0]))
    ns.home.featured_items.add(HomePageFeaturedItem(target=oldenburg))
    ns.home.save()

    ns.draft_case_study = case_study(
        "Hafenkooperation Bremen (Entwurf)",
        "hafenkooperation-bremen",
        "Stadt Bremen",
        "bremen",
        [b["logistik"]],
        p["umsetzung"],
        live=False,
    )

    ns.news_index = NewsIndexPageFactory(parent=ns.home)
    ns.seed_news = NewsPageFactory(
        parent=ns.news_index,
        title=SEED_NEWS_TITLE,
        slug="tagung-laendlicher-raum",
        date=SEED_NEWS_DATE,
        teaser="Tagung in Oldenburg am 21. und 22.04.2007.",
        body=[paragraph("<p>Rambøll Management hat eine Tagung organisiert.</p>")],
    )
    ns.news = [ns.seed_news]
    ns.news.append(
        NewsPageFactory(
            parent=ns.news_index,
            title="Clusterkonferenz in Vechta",
            slug="clusterkonferenz-vechta",
            date=datetime.date(2007, 11, 5),
            image=ns.decorative_image,
        )
    )
    # Ten more in 2008/2009, so the list has twelve items: two pages of ten.
    for i in range(10):
        ns.news.append(
            NewsPageFactory(
                parent=ns.news_index,
                title=f"Meldung aus {2008 + i // 5} Nr. {i + 1:02d}",
                slug=f"meldung-{i + 1:02d}",
                date=datetime.date(2008 + i // 5, 1 + i % 5, 10 + i),
            )
        )
    ns.draft_news = NewsPageFactory(
        parent=ns.news_index,
        title="Unveröffentlichte Meldung",
        slug="unveroeffentlicht",
        date=datetime.date(2006, 6, 1),
        live=False,
    )

    ns.about = StandardPageFactory(
        parent=ns.home, title="Über das Projekt", slug="ueber-das-projekt", show_in_menus=True
    )
    ns.about_child = StandardPageFactory(
        parent=ns.about, title="Das Projektteam", slug="projektteam"
    )
    ns.contact = ContactPageFactory(parent=ns.home, show_in_menus=True)
    ns.impressum = StandardPageFactory(parent=ns.home, title="Impressum", slug="impressum")
    ns.datenschutz = StandardPageFactory(
        parent=ns.home,
        title="Datenschutzerklärung",
        slug="datenschutz",
        body=[
            heading("Verantwortliche Stelle"),
            paragraph("<p>Diese Website setzt keine Cookies zu Werbezwecken.</p>"),
        ],
    )
    return ns

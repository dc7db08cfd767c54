"""The page tree: where each page type may live, how often, and creating each one in the admin.

Rendering of each type with real content is in ``test_rendering.py``.
"""

import datetime

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from concepts.models import ConceptIndexPage, ConceptPage
from news.models import EventIndexPage, NewsIndexPage, NewsPage
from partnerships.models.easy_language import EasyLanguagePage
from partnerships.models.glossary import GlossaryPage
from partnerships.models.home import HomePage
from partnerships.models.pages import AccessibilityPage, ContactPage, StandardPage
from tests.factories import (
    BrancheFactory,
    CaseStudyIndexPageFactory,
    ConceptIndexPageFactory,
    ConceptPageFactory,
    ContactPersonFactory,
    ProjektphaseFactory,
    build_site,
    make_home,
)

ALL_TYPES = [
    HomePage,
    StandardPage,
    ContactPage,
    ConceptIndexPage,
    ConceptPage,
    CaseStudyIndexPage,
    CaseStudyPage,
    NewsIndexPage,
    NewsPage,
    GlossaryPage,
]


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                StandardPage,
                ContactPage,
                AccessibilityPage,
                GlossaryPage,
                EasyLanguagePage,
                ConceptIndexPage,
                CaseStudyIndexPage,
                NewsIndexPage,
                EventIndexPage,
            },
        )

    def test_only_a_home_page_can_be_created_at_the_tree_root(self):
        creatable = {m for m in Page.allowed_subpage_models() if m.is_creatable}
        self.assertEqual(creatable, {HomePage})

    def test_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_contact_page(self):
        self.assertAllowedParentPageTypes(ContactPage, {HomePage})
        self.assertAllowedSubpageTypes(ContactPage, set())
        self.assertCanNotCreateAt(StandardPage, ContactPage)

    def test_glossary_page(self):
        self.assertAllowedParentPageTypes(GlossaryPage, {HomePage})
        self.assertAllowedSubpageTypes(GlossaryPage, set())
        self.assertCanNotCreateAt(StandardPage, GlossaryPage)

    def test_concept_section(self):
        self.assertAllowedParentPageTypes(ConceptIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ConceptIndexPage, {ConceptPage})
        self.assertAllowedParentPageTypes(ConceptPage, {ConceptIndexPage})
        self.assertAllowedSubpageTypes(ConceptPage, set())

    def test_case_study_section(self):
        self.assertAllowedParentPageTypes(CaseStudyIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CaseStudyIndexPage, {CaseStudyPage})
        self.assertAllowedParentPageTypes(CaseStudyPage, {CaseStudyIndexPage})
        self.assertAllowedSubpageTypes(CaseStudyPage, set())

    def test_news_section(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_leaves_cannot_hold_pages_of_another_section(self):
        self.assertCanNotCreateAt(ConceptPage, ConceptPage)
        self.assertCanNotCreateAt(NewsIndexPage, CaseStudyPage)
        self.assertCanNotCreateAt(CaseStudyIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, ConceptIndexPage)

    def test_max_count(self):
        for model in (
            HomePage,
            ContactPage,
            GlossaryPage,
            ConceptIndexPage,
            CaseStudyIndexPage,
            NewsIndexPage,
        ):
            self.assertEqual(model.max_count, 1, model.__name__)
        for model in (StandardPage, ConceptPage, CaseStudyPage, NewsPage):
            self.assertIsNone(model.max_count, model.__name__)

    def test_every_type_has_a_german_name_and_description(self):
        for model in ALL_TYPES:
            name = str(model._meta.verbose_name)
            description = str(model.page_description)
            self.assertNotIn("page", name.lower(), model.__name__)
            self.assertGreater(len(description), 15, model.__name__)
            # German text: umlauts or typical German words, never the English default.
            self.assertRegex(description, r"(?i)[äöüß]|\b(die|der|das|ein|eine|mit)\b")


class MaxCountInTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def test_second_section_index_cannot_be_created(self):
        home = self.site.home
        self.assertFalse(ConceptIndexPage.can_create_at(home))
        self.assertFalse(CaseStudyIndexPage.can_create_at(home))
        self.assertFalse(NewsIndexPage.can_create_at(home))
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        # Unlimited types stay creatable.
        self.assertTrue(StandardPage.can_create_at(home))
        self.assertTrue(ConceptPage.can_create_at(self.site.concept_index))
        self.assertTrue(NewsPage.can_create_at(self.site.news_index))

    def test_admin_refuses_a_second_news_index(self):
        user = self.create_superuser("chefin")
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:add", args=["news", "newsindexpage", self.site.home.pk])
        self.assertRefused(self.client.get(url))
        self.assertRefused(
            self.client.post(
                url,
                {"title": "Noch mehr Aktuelles", "slug": "mehr", "action-publish": "publish"},
            )
        )
        self.assertEqual(NewsIndexPage.objects.count(), 1)

    def test_admin_refuses_a_page_type_in_the_wrong_place(self):
        user = self.create_superuser("chefin")
        self.client.force_login(user)
        url = reverse("wagtailadmin_pages:add", args=["news", "newspage", self.site.home.pk])
        self.assertRefused(self.client.get(url))

    def assertRefused(self, response):
        """Wagtail answers a forbidden add view with a redirect to the dashboard and a
        German message."""
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        followed = self.client.get(response["Location"])
        messages = [str(m) for m in followed.context["messages"]]
        self.assertTrue(any("keinen Zugang" in m for m in messages), messages)


class CreateInAdminTests(WagtailPageTestCase):
    """Every page type can be created and published through the admin by a superuser, with
    the form data an editor would submit."""

    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.user = cls.create_superuser("chefredaktion")

    def setUp(self):
        self.client.force_login(self.user)

    def create(self, parent, model, data, **extra):
        """Create and publish through the admin; ``extra`` is posted as is (lists of values
        for multiple-choice fields, which ``nested_form_data`` would split up)."""
        self.assertCanCreate(parent, model, {**nested_form_data(data), **extra})
        page = model.objects.child_of(parent).get(slug=data["slug"])
        self.assertTrue(page.live, "published")
        return page

    def test_home_page(self):
        # A fresh installation: no home page yet; Wagtail's welcome page is a plain Page.
        HomePage.objects.all().delete()
        root = Page.get_first_root_node()
        page = self.create(
            root,
            HomePage,
            {
                "title": "Strategische Partnerschaften",
                "slug": "neue-startseite",
                "teaser": "Clusterorientierte Wirtschaftsförderung",
                "intro": rich_text("<p>Willkommen auf der Website!</p>"),
                "signature": "Rambøll Management",
                "featured_items": inline_formset([]),
            },
        )
        self.assertIn("Willkommen auf der Website!", page.intro)
        self.assertEqual(page.signature, "Rambøll Management")

    def test_glossary_page_once(self):
        page = self.create(
            self.home,
            GlossaryPage,
            {
                "title": "Glossar",
                "slug": "glossar",
                "teaser": "Begriffe kurz erklärt.",
                "intro": rich_text("<p>Fachbegriffe in wenigen Sätzen.</p>"),
            },
        )
        self.assertEqual(page.url, "/glossar/")
        self.assertFalse(GlossaryPage.can_create_at(self.home))

    def test_standard_page_and_a_child(self):
        page = self.create(
            self.home,
            StandardPage,
            {
                "title": "Impressum",
                "slug": "impressum",
                "body": streamfield(
                    [
                        ("heading", {"text": "Angaben gemäß § 5 DDG", "level": "h2"}),
                        ("paragraph", rich_text("<p>Rambøll Management Consulting GmbH</p>")),
                    ]
                ),
            },
        )
        self.assertEqual(page.url, "/impressum/")
        self.assertEqual([b.block_type for b in page.body], ["heading", "paragraph"])
        self.assertEqual(page.body[0].value["text"], "Angaben gemäß § 5 DDG")
        child = self.create(
            page,
            StandardPage,
            {"title": "Bildnachweise", "slug": "bildnachweise", "body": streamfield([])},
        )
        self.assertEqual(child.url, "/impressum/bildnachweise/")

    def test_concept_index_and_concept_page(self):
        index = self.create(
            self.home,
            ConceptIndexPage,
            {
                "title": "Das Konzept",
                "slug": "konzept",
                "intro": rich_text("<p>Die Bausteine.</p>"),
            },
        )
        page = self.create(
            index,
            ConceptPage,
            {
                "title": "Akteure einbinden",
                "slug": "akteure",
                "teaser": "Wer an den Tisch gehört.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Unternehmen gewinnen", "level": "h2"}),
                        ("paragraph", rich_text("<p>Persönliche Ansprache wirkt.</p>")),
                        (
                            "info_box",
                            {"title": "Gut zu wissen", "text": rich_text("<p>Kurz halten.</p>")},
                        ),
                    ]
                ),
                "contact_persons": inline_formset([]),
            },
        )
        self.assertEqual(page.url, "/konzept/akteure/")
        self.assertEqual(
            page.table_of_contents(), [("unternehmen-gewinnen", "Unternehmen gewinnen")]
        )

    def test_case_study_index_and_case_study(self):
        concept_index = ConceptIndexPageFactory(parent=self.home)
        concept = ConceptPageFactory(parent=concept_index, title="Akteure", slug="akteure")
        branche = BrancheFactory(name="Ernährungswirtschaft", slug="ernaehrungswirtschaft")
        other = BrancheFactory(name="Logistik", slug="logistik")
        phase = ProjektphaseFactory(name="Umsetzung", slug="umsetzung")
        person = ContactPersonFactory(name="Dr. Anna Beispiel", email="anna.beispiel@example.org")
        index = self.create(
            self.home,
            CaseStudyIndexPage,
            {"title": "Praxisbeispiele", "slug": "praxisbeispiele", "intro": rich_text("")},
        )
        data = {
            "title": "Ernährungscluster Oldenburger Land",
            "slug": "oldenburger-land",
            "teaser": "Ernährungswirtschaft als Motor.",
            "kommune": "Landkreis Vechta",
            "bundesland": "niedersachsen",
            "phase": str(phase.pk),
            "year_from": "2004",
            "year_to": "2007",
            "ausgangslage": rich_text("<p>Weltmarktführer im Spezialmaschinenbau.</p>"),
            "ziele": rich_text(""),
            "vorgehen": rich_text(""),
            "ergebnisse": rich_text(""),
            "erfolgsfaktoren": rich_text(""),
            "partners": inline_formset(
                [{"name": "Landkreis Vechta", "kind": "kommune", "url": ""}]
            ),
            "contact_persons": inline_formset([{"person": str(person.pk)}]),
            "related_concept_links": inline_formset([{"concept": str(concept.pk)}]),
        }
        page = self.create(index, CaseStudyPage, data, branchen=[branche.pk, other.pk])
        self.assertEqual(page.bundesland, "niedersachsen")
        self.assertEqual(set(page.branchen.all()), {branche, other})
        self.assertEqual(page.phase, phase)
        self.assertEqual(page.zeitraum, "2004–2007")
        self.assertEqual([p.name for p in page.partners.all()], ["Landkreis Vechta"])
        self.assertEqual([c.person for c in page.contact_persons.all()], [person])
        self.assertEqual([c.pk for c in page.related_concepts()], [concept.pk])

    def test_case_study_end_before_start_is_refused(self):
        index = CaseStudyIndexPageFactory(parent=self.home)
        url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])
        data = nested_form_data(
            {
                "title": "Rückwärts",
                "slug": "rueckwaerts",
                "kommune": "Stadt Emden",
                "bundesland": "niedersachsen",
                "year_from": "2010",
                "year_to": "2005",
                "partners": inline_formset([]),
                "contact_persons": inline_formset([]),
                "related_concept_links": inline_formset([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Das Ende darf nicht vor dem Beginn liegen.")
        self.assertFalse(CaseStudyPage.objects.filter(slug="rueckwaerts").exists())

    def test_contact_page_with_its_form_fields(self):
        def form_field(label, field_type, autocomplete="", required="on"):
            return {
                "label": label,
                "help_text": "",
                "required": required,
                "field_type": field_type,
                "choices": "",
                "default_value": "",
                "autocomplete": autocomplete,
            }

        page = self.create(
            self.home,
            ContactPage,
            {
                "title": "Kontakt",
                "slug": "kontakt",
                "teaser": "So erreichen Sie uns.",
                "intro": rich_text("<p>Schreiben Sie uns.</p>"),
                "form_fields": inline_formset(
                    [
                        form_field("Ihr Name", "singleline", "name"),
                        form_field("E-Mail", "email"),
                        form_field("Nachricht", "multiline"),
                    ]
                ),
                "thank_you_text": rich_text("<p>Danke!</p>"),
                "body": streamfield([]),
                "to_address": "team@example.org",
                "from_address": "",
                "subject": "Kontaktformular",
            },
        )
        self.assertEqual(page.url, "/kontakt/")
        self.assertEqual(
            [(f.clean_name, f.autocomplete) for f in page.form_fields.all()],
            [("ihr_name", "name"), ("e_mail", ""), ("nachricht", "")],
        )
        self.assertEqual(page.to_address, "team@example.org")
        self.client.logout()
        response = self.client.get("/kontakt/")
        self.assertContains(response, '<label class="form-field__label" for="id_ihr_name">')
        # Only one contact page.
        self.assertFalse(ContactPage.can_create_at(self.home))

    def test_contact_page_refuses_a_wrong_recipient(self):
        url = reverse("wagtailadmin_pages:add", args=["partnerships", "contactpage", self.home.pk])
        data = nested_form_data(
            {
                "title": "Kontakt",
                "slug": "kontakt",
                "form_fields": inline_formset([]),
                "body": streamfield([]),
                "to_address": "keine-adresse",
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "gültige E-Mail-Adresse")
        self.assertFalse(ContactPage.objects.exists())

    def test_news_index_and_news_page_with_german_date(self):
        index = self.create(
            self.home,
            NewsIndexPage,
            {"title": "Aktuelles", "slug": "aktuelles", "intro": rich_text("")},
        )
        page = self.create(
            index,
            NewsPage,
            {
                "title": "Wirtschaftsförderer diskutieren",
                "slug": "tagung",
                # Editors type the German date format.
                "date": "24.04.2007",
                "teaser": "Tagung in Oldenburg.",
                "body": streamfield([("paragraph", rich_text("<p>Eine Tagung.</p>"))]),
                "tags": "Tagung, Ländlicher Raum",
            },
        )
        self.assertEqual(page.date, datetime.date(2007, 4, 24))
        self.assertEqual(sorted(t.name for t in page.tags.all()), ["Ländlicher Raum", "Tagung"])
        self.assertEqual(page.url, "/aktuelles/tagung/")


class RenderEditPreviewTests(WagtailPageTestCase):
    """Every page type renders for visitors and opens, saves and previews in the admin."""

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site()

    def pages(self):
        s = self.site
        return [
            s.home,
            s.about,
            s.about_child,
            s.concept_index,
            s.concepts[0],
            s.cs_index,
            s.case_studies["oldenburg"],
            s.news_index,
            s.seed_news,
        ]

    def test_renderable(self):
        for page in self.pages():
            with self.subTest(page=page.url):
                self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(self.site.news_index, route_path="/2007/")
        self.assertPageIsRenderable(self.site.news_index, route_path="/1999/", accept_404=True)
        self.assertPageIsRenderable(
            self.site.cs_index, query_data={"branche": "logistik", "page": "2"}
        )

    def test_case_study_preview(self):
        self.assertPageIsPreviewable(self.site.case_studies["oldenburg"])

    def test_contact_page_renders_and_previews_form_and_thank_you_page(self):
        page = self.site.contact
        self.assertPageIsRenderable(page)
        self.assertPageIsRenderable(page, post_data={"name": "Erika"})  # errors, no 500
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "body": streamfield([]),
                "form_fields": inline_formset([]),
            }
        )
        for mode in ("form", "landing"):
            with self.subTest(mode=mode):
                self.assertPageIsPreviewable(page, mode=mode, post_data=data)

    def test_routable_year_archive(self):
        self.assertPageIsRoutable(self.site.news_index, "/2007/")

    def test_editable(self):
        user = self.create_superuser("redaktionsleitung")
        for page in self.pages():
            with self.subTest(page=page.url):
                self.client.force_login(user)
                response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, page.title)
                self.client.logout()
                if not hasattr(page, "body"):
                    # Round trip of the form as rendered (Wagtail can only read plain form
                    # fields back from the HTML, not StreamField's JavaScript-built data).
                    self.assertPageIsEditable(page)

    def test_previewable(self):
        for page in self.pages():
            if not hasattr(page, "body") and not isinstance(page, CaseStudyPage):
                with self.subTest(page=page.url):
                    self.assertPageIsPreviewable(page)
        # Pages with a StreamField: the form data an editor's browser would send.
        body = streamfield(
            [
                ("heading", {"text": "Vorschau", "level": "h2"}),
                ("paragraph", rich_text("<p>Text in der Vorschau.</p>")),
            ]
        )
        for page, extra in [
            (self.site.concepts[0], {"contact_persons": inline_formset([])}),
            (self.site.about, {}),
            (self.site.seed_news, {"date": "24.04.2007", "tags": ""}),
        ]:
            with self.subTest(page=page.url):
                data = nested_form_data(
                    {"title": page.title, "slug": page.slug, "body": body, **extra}
                )
                self.assertPageIsPreviewable(page, post_data=data)

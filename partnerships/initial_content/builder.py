"""Builds the whole site tree with its initial content (``manage.py load_initial_content``).

Idempotent: everything is identified by slug (pages, snippets) or title (images). What exists
already is left untouched – neither changed nor republished – so a second run creates nothing
and adds no revisions. The content itself lives in ``partnerships.initial_content``.
"""

import datetime
import io
from collections import Counter
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.db.models import Q
from wagtail.models import Page, Site

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
from news.events.models import (
    EventContactPerson,
    EventIndexPage,
    EventPage,
    EventPartner,
    EventRelatedPage,
)
from news.models import NewsIndexPage, NewsPage
from partnerships.initial_content import (
    casestudies,
    concepts,
    easy_language,
    events,
    glossary,
    images,
    news,
    pages,
    site,
)
from partnerships.models.contact_persons import ContactPerson
from partnerships.models.easy_language import EasyLanguagePage
from partnerships.models.glossary import GlossaryPage, GlossaryTerm
from partnerships.models.home import HomePage, HomePageFeaturedItem
from partnerships.models.images import CustomImage
from partnerships.models.pages import (
    AccessibilityFormField,
    AccessibilityPage,
    ContactFormField,
    ContactPage,
    StandardPage,
)
from partnerships.models.settings import SiteSettings


def form_fields(model, specs):
    """Form field rows from ``(label, field type, required, help text, autocomplete)``."""
    return [
        model(
            label=label,
            field_type=field_type,
            required=required,
            help_text=help_text,
            autocomplete=autocomplete,
            sort_order=i,
        )
        for i, (label, field_type, required, help_text, autocomplete) in enumerate(specs)
    ]


class Builder:
    """Creates what is missing and remembers what it created (for the summary)."""

    def __init__(self):
        self.created = Counter()
        self.notes = []
        self.images = {}
        self.new_files = []

    def count(self, model):
        self.created[model] += 1

    def summary(self):
        for model, number in self.created.items():
            name = model._meta.verbose_name if number == 1 else model._meta.verbose_name_plural
            yield f"{number:>4} {name}"
        for note in self.notes:
            yield f"     {note}"

    # --- images and snippets --------------------------------------------------------------

    def load_images(self):
        for key, spec in images.IMAGES.items():
            image = CustomImage.objects.filter(title=spec["title"]).first()
            if image is None:
                image = CustomImage(
                    title=spec["title"],
                    file=ImageFile(io.BytesIO(images.render_jpeg(key)), name=f"{key}.jpg"),
                    description=spec["description"],
                    is_decorative=False,
                    credit=images.CREDIT,
                )
                image._set_image_file_metadata()
                image.save()
                self.new_files.append(image.file)
                self.count(CustomImage)
            self.images[key] = image

    def remove_new_files(self):
        """After a rollback: the database forgets the images, the storage must too."""
        for file in self.new_files:
            file.storage.delete(file.name)

    def image(self, key):
        return self.images[key] if key else None

    def load_snippets(self):
        self.branchen = {}
        for spec in casestudies.BRANCHEN:
            branche, created = Branche.objects.get_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "description": spec["description"]},
            )
            if created:
                self.count(Branche)
            self.branchen[spec["slug"]] = branche
        self.phasen = {}
        for spec in casestudies.PROJEKTPHASEN:
            phase, created = Projektphase.objects.get_or_create(
                slug=spec["slug"],
                defaults={"name": spec["name"], "sort_order": spec["sort_order"]},
            )
            if created:
                self.count(Projektphase)
            self.phasen[spec["slug"]] = phase
        spec = casestudies.CONTACT
        self.contact_person, created = ContactPerson.objects.get_or_create(
            name=spec["name"], email=spec["email"], defaults=spec
        )
        if created:
            self.count(ContactPerson)

    # --- pages ----------------------------------------------------------------------------

    def ensure_page(self, parent, model, data, tags=(), **fields):
        """The child of ``parent`` with ``data["slug"]``; created and published if missing."""
        existing = parent.get_children().filter(slug=data["slug"]).specific().first()
        if existing is not None:
            if not isinstance(existing, model):
                raise CommandError(
                    f"Unter {parent.url_path} gibt es bereits „{data['slug']}“, aber als "
                    f"{type(existing).__name__} statt {model.__name__}."
                )
            return existing
        page = model(
            title=data["title"],
            slug=data["slug"],
            teaser=data["teaser"],
            listing_image=self.image(data.get("listing_image")),
            **fields,
        )
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.count(model)
        return page

    def body(self, blocks):
        """StreamField content with image keys replaced by image objects."""
        return [
            (kind, {**value, "image": self.image(value["image"])} if kind == "image" else value)
            for kind, value in blocks
        ]

    def ensure_home(self):
        """The home page at the top of the tree, replacing Wagtail's default welcome page.

        A new home page is saved but not yet published: ``publish_home`` does that once the
        pages it features exist, so it gets exactly one revision.
        """
        home = HomePage.objects.first()
        if home is not None:
            return home, False
        default_site = Site.objects.filter(is_default_site=True).first()
        # Wagtail's "Welcome to your new Wagtail site!": a bare, childless page below the
        # root, serving as the default site's root or holding the slug "home".
        is_welcome = Q(slug=site.HOME["slug"])
        if default_site is not None:
            is_welcome |= Q(sites_rooted_here=default_site)
        welcome_pages = list(
            Page.objects.filter(
                is_welcome,
                depth=2,
                numchild=0,
                content_type=ContentType.objects.get_for_model(Page),
            ).distinct()
        )
        if default_site is not None and default_site.root_page in welcome_pages:
            # A site is deleted with its root page: park it on the tree root meanwhile.
            default_site.root_page = Page.get_first_root_node()
            default_site.save()
        for page in welcome_pages:
            self.notes.append(f"Wagtail-Standardseite „{page.title}“ entfernt")
            page.delete()
        data = site.HOME
        home = HomePage(
            title=data["title"],
            slug=data["slug"],
            teaser=data["teaser"],
            listing_image=self.image(data["listing_image"]),
            intro=data["intro"],
            signature=data["signature"],
        )
        Page.get_first_root_node().add_child(instance=home)
        self.count(HomePage)
        return home, True

    def publish_home(self, home, sections):
        home.featured_items = [
            HomePageFeaturedItem(
                target=sections[section].get_children().get(slug=slug), sort_order=index
            )
            for index, (section, slug) in enumerate(site.HOME["featured"])
        ]
        home.save_revision().publish()

    def ensure_site(self, home):
        default_site = Site.objects.filter(is_default_site=True).first()
        if default_site is None:
            default_site = Site.objects.create(
                hostname="localhost",
                port=80,
                is_default_site=True,
                root_page=home,
                site_name=site.SITE_NAME,
            )
            self.count(Site)
            return default_site
        before = (default_site.root_page_id, default_site.site_name)
        default_site.root_page = home
        default_site.site_name = default_site.site_name or site.SITE_NAME
        if (default_site.root_page_id, default_site.site_name) != before:
            default_site.save()
            self.notes.append(
                f"Site {default_site.hostname}:{default_site.port} zeigt auf die Startseite"
            )
        return default_site

    def build_concepts(self, home):
        data = concepts.CONCEPT_INDEX
        index = self.ensure_page(
            home, ConceptIndexPage, data, intro=data["intro"], show_in_menus=True
        )
        self.concept_pages = {
            spec["slug"]: self.ensure_page(index, ConceptPage, spec, body=self.body(spec["body"]))
            for spec in concepts.CONCEPT_PAGES
        }
        return index

    def build_case_studies(self, home):
        data = casestudies.CASE_STUDY_INDEX
        index = self.ensure_page(
            home, CaseStudyIndexPage, data, intro=data["intro"], show_in_menus=True
        )
        for spec in casestudies.CASE_STUDIES:
            self.ensure_page(
                index,
                CaseStudyPage,
                {**spec, "listing_image": spec["hero_image"]},
                kommune=spec["kommune"],
                bundesland=spec["bundesland"],
                branchen=[self.branchen[slug] for slug in spec["branchen"]],
                phase=self.phasen[spec["phase"]],
                year_from=spec["year_from"],
                year_to=spec["year_to"],
                is_illustrative=True,
                hero_image=self.image(spec["hero_image"]),
                **{name: spec[name] for name in CaseStudyPage.SECTIONS},
                contact_persons=[CaseStudyContactPerson(person=self.contact_person, sort_order=0)],
                partners=[
                    CaseStudyPartner(name=name, kind=kind, sort_order=i)
                    for i, (name, kind) in enumerate(spec["partners"])
                ],
                related_concept_links=[
                    CaseStudyConceptLink(concept=self.concept_pages[slug], sort_order=i)
                    for i, slug in enumerate(spec["concepts"])
                ],
            )
        return index

    def build_news(self, home):
        data = news.NEWS_INDEX
        index = self.ensure_page(home, NewsIndexPage, data, intro=data["intro"], show_in_menus=True)
        for spec in news.NEWS_ITEMS:
            self.ensure_page(
                index,
                NewsPage,
                {**spec, "listing_image": spec["image"]},
                tags=spec["tags"],
                date=date.fromisoformat(spec["date"]),
                body=self.body(spec["body"]),
                image=self.image(spec["image"]),
            )
        return index

    def build_event_index(self, home):
        """Created right after "Aktuelles", so it follows it in the menu (tree order)."""
        data = events.EVENT_INDEX
        return self.ensure_page(home, EventIndexPage, data, intro=data["intro"], show_in_menus=True)

    def build_events(self, sections, contact_page, today=None):
        """The Tagung of 2007 and the example events.

        Example dates are relative to ``today`` at the first load only: an existing event is
        left as it is, so a later run neither moves nor republishes it.
        """
        index = sections["veranstaltungen"]
        today = today or date.today()
        # Examples have no real registration or stream: both lead to the contact form.
        contact_url = contact_page.get_url_parts()[2]  # a site path: right on any address

        def related(spec):
            targets = [
                sections["aktuelles"].get_children().get(slug=s) for s in spec.get("news", [])
            ]
            targets += [self.concept_pages[s] for s in spec["concepts"]]
            targets += [
                sections["praxisbeispiele"].get_children().get(slug=s) for s in spec["case_studies"]
            ]
            return [EventRelatedPage(target=t, sort_order=i) for i, t in enumerate(targets)]

        def common(spec):
            return {
                "format": spec["format"],
                "locality": spec.get("locality", ""),
                "bundesland": spec.get("bundesland", ""),
                "organiser": spec["organiser"],
                "themen": [self.branchen[s] for s in spec["themen"]],
                "related_pages": related(spec),
                "contact_persons": [EventContactPerson(person=self.contact_person, sort_order=0)],
            }

        spec = events.TAGUNG_2007
        self.ensure_page(
            index,
            EventPage,
            spec,
            start_date=date.fromisoformat(spec["start_date"]),
            end_date=date.fromisoformat(spec["end_date"]),
            body=self.body(spec["body"]),
            programme=[
                (kind, {**value, "day": date.fromisoformat(value["day"])})
                for kind, value in spec["programme"]
            ],
            partners=[EventPartner(name=n, sort_order=i) for i, n in enumerate(spec["partners"])],
            **common(spec),
        )
        for spec in events.EXAMPLE_EVENTS:
            day = today + datetime.timedelta(weeks=spec["weeks"])
            day += datetime.timedelta(days=(spec["weekday"] - day.weekday()) % 7)
            body = [
                events.EXAMPLE_NOTE,
                ("paragraph", f"<p>{spec['teaser']}</p>"),
            ]
            self.ensure_page(
                index,
                EventPage,
                spec,
                start_date=day,
                start_time=datetime.time.fromisoformat(spec["start_time"]),
                end_time=datetime.time.fromisoformat(spec["end_time"]),
                body=self.body(body),
                programme=[
                    (
                        kind,
                        {**value, "time": datetime.time.fromisoformat(value["time"])}
                        if kind == "item"
                        else value,
                    )
                    for kind, value in spec["programme"]
                ],
                online_url=contact_url if spec["format"] != "praesenz" else "",
                registration_url=contact_url,
                **common(spec),
            )

    def build_contact_page(self, home):
        """The contact form at /kontakt/. An older installation has a standard page there:
        it is left as it is (editors may have changed it) with a hint how to switch."""
        data = pages.KONTAKT
        existing = home.get_children().filter(slug=data["slug"]).specific().first()
        if isinstance(existing, StandardPage):
            self.notes.append(
                f"Hinweis: „/{existing.slug}/“ ist noch eine "
                "Standardseite und bleibt unverändert. Für das Kontaktformular die Seite im "
                "Admin löschen (Texte vorher sichern) und diesen Befehl erneut ausführen."
            )
            return existing
        return self.ensure_page(
            home,
            ContactPage,
            data,
            show_in_menus=data["show_in_menus"],
            intro=data["intro"],
            body=self.body(data["body"]),
            thank_you_text=data["thank_you_text"],
            to_address=data["to_address"],
            subject=data["subject"],
            form_fields=form_fields(ContactFormField, data["form_fields"]),
        )

    def build_accessibility_page(self, home):
        """The accessibility statement with its feedback form at /barrierefreiheit/. An older
        installation has a standard page there: left as it is, with a hint."""
        data = pages.BARRIEREFREIHEIT
        existing = home.get_children().filter(slug=data["slug"]).specific().first()
        if isinstance(existing, StandardPage):
            self.notes.append(
                f"Hinweis: „/{existing.slug}/“ ist noch eine Standardseite und bleibt "
                "unverändert. Für das Formular „Barriere melden“ die Seite im Admin löschen "
                "(Texte vorher sichern) und diesen Befehl erneut ausführen."
            )
            return existing
        return self.ensure_page(
            home,
            AccessibilityPage,
            data,
            show_in_menus=data["show_in_menus"],
            conformance=data["conformance"],
            body=self.body(data["body"]),
            form_intro=data["form_intro"],
            thank_you_text=data["thank_you_text"],
            to_address=data["to_address"],
            subject=data["subject"],
            form_fields=form_fields(AccessibilityFormField, data["form_fields"]),
        )

    def build_standard_pages(self, home):
        return {
            spec["slug"]: self.ensure_page(
                home,
                StandardPage,
                spec,
                body=self.body(spec["body"]),
                show_in_menus=spec["show_in_menus"],
            )
            for spec in pages.STANDARD_PAGES
        }

    def build_glossary(self, home):
        """The terms (by their wording; an existing term is left as editors made it) and the
        glossary page at /glossar/."""
        for spec in glossary.TERMS:
            related = self.concept_pages.get(spec["related"]) if spec["related"] else None
            _, created = GlossaryTerm.objects.get_or_create(
                term=spec["term"],
                defaults={
                    "definition": spec["definition"],
                    "word_forms": spec["word_forms"],
                    "related_page": related,
                },
            )
            if created:
                self.count(GlossaryTerm)
        data = glossary.GLOSSARY_PAGE
        return self.ensure_page(home, GlossaryPage, data, intro=data["intro"])

    def build_easy_language(self, home):
        """The first page in Leichte Sprache at /leichte-sprache/; its links name pages below
        the home page by slug."""
        data = easy_language.LEICHTE_SPRACHE
        children = {page.slug: page for page in home.get_children()}
        body = [
            (kind, {**value, "page": children[value["page"]]} if kind == "link" else value)
            for kind, value in data["body"]
        ]
        return self.ensure_page(home, EasyLanguagePage, data, body=body)

    # --- settings -------------------------------------------------------------------------

    def ensure_settings(self, default_site, standard_pages):
        footer_links = [
            ("link", {"page": standard_pages[slug], "title": title})
            for slug, title in pages.FOOTER_LINKS
        ]
        settings = SiteSettings.objects.filter(site=default_site).first()
        if settings is None:
            SiteSettings.objects.create(
                site=default_site, footer_links=footer_links, **site.SITE_SETTINGS
            )
            self.count(SiteSettings)
            return
        # Existing settings: only fill what is still empty, never overwrite.
        changed = [
            name
            for name, value in site.SITE_SETTINGS.items()
            if value and not getattr(settings, name)
        ]
        for name in changed:
            setattr(settings, name, site.SITE_SETTINGS[name])
        if not settings.footer_links:
            settings.footer_links = footer_links
            changed.append("footer_links")
        if changed:
            settings.save()
            self.notes.append("Website-Einstellungen ergänzt: " + ", ".join(changed))

    # --- all together ---------------------------------------------------------------------

    def build(self):
        self.load_images()
        self.load_snippets()
        home, home_is_new = self.ensure_home()
        default_site = self.ensure_site(home)
        sections = {
            "konzept": self.build_concepts(home),
            "praxisbeispiele": self.build_case_studies(home),
            "aktuelles": self.build_news(home),
            "veranstaltungen": self.build_event_index(home),
        }
        contact_page = self.build_contact_page(home)
        self.build_events(sections, contact_page)
        standard_pages = self.build_standard_pages(home)
        standard_pages["barrierefreiheit"] = self.build_accessibility_page(home)
        glossary_page = self.build_glossary(home)
        self.build_easy_language(home)
        if home_is_new:
            self.publish_home(home, sections)
        self.ensure_settings(
            default_site,
            {**standard_pages, contact_page.slug: contact_page, glossary_page.slug: glossary_page},
        )

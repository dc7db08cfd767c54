"""Site-wide models: images, the abstract base page, home page, standard pages, the contact
page, settings."""

import copy
import logging

from django.apps import apps
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    EmailFormMixin,
    validate_to_address,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from partnerships import contact, queries
from partnerships.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, PageLinkBlock

logger = logging.getLogger(__name__)

# --- Images -------------------------------------------------------------------------------


class CustomImage(AbstractImage):
    description = models.CharField(
        "Alternativtext",
        max_length=255,
        blank=True,
        default="",
        help_text="Beschreibt, was auf dem Bild zu sehen ist – für Menschen, die das Bild nicht "
        "sehen. Pflicht, außer das Bild ist rein dekorativ.",
    )
    is_decorative = models.BooleanField(
        "Dekoratives Bild",
        default=False,
        help_text="Nur ankreuzen, wenn das Bild keine Information trägt; es erhält dann ein "
        "leeres alt-Attribut.",
    )
    credit = models.CharField(
        "Bildnachweis",
        max_length=255,
        blank=True,
        help_text="Urheber bzw. Quelle, z. B. „Foto: Stadt Musterstadt“.",
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "is_decorative",
        "credit",
        "collection",
        "tags",
        "focal_point_x",
        "focal_point_y",
        "focal_point_width",
        "focal_point_height",
    )

    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]

    class Meta(AbstractImage.Meta):
        verbose_name = "Bild"
        verbose_name_plural = "Bilder"
        permissions = [("choose_image", "Can choose image")]

    @property
    def default_alt_text(self):
        if self.is_decorative:
            return ""
        return self.description or self.title


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


# --- Base page ----------------------------------------------------------------------------


class BasePage(Page):
    """Fields every page has: a teaser for listings and meta descriptions, a listing image."""

    teaser = models.TextField(
        "Kurzbeschreibung",
        blank=True,
        max_length=400,
        help_text="Ein bis zwei Sätze für Übersichten, Suchergebnisse und Vorschauen.",
    )
    listing_image = models.ForeignKey(
        CustomImage,
        verbose_name="Vorschaubild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint in Übersichten und beim Teilen in sozialen Netzwerken.",
    )

    search_fields = [*Page.search_fields, index.SearchField("teaser")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("listing_image")], heading="Übersichten"),
    ]

    # Loaded together with the page when it is served (see partnerships.queries.route).
    route_select_related = ("listing_image",)

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        return queries.view_restrictions(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page's own address (``<link rel="canonical">``); lists add the query they show.
        context.setdefault("canonical_url", self.get_full_url(request))
        return context

    @property
    def meta_description(self):
        return self.search_description or self.teaser


# --- Home page ----------------------------------------------------------------------------


class HomePage(BasePage):
    intro = RichTextField("Einleitung", features=RICH_TEXT_FEATURES)
    signature = models.CharField(
        "Unterschrift", max_length=120, blank=True, default="Rambøll Management"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("intro"),
        FieldPanel("signature"),
        InlinePanel(
            "featured_items",
            label="Hervorgehobene Seiten",
            heading="Hervorgehobene Konzeptseiten und Praxisbeispiele",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "partnerships.StandardPage",
        "partnerships.ContactPage",
        "concepts.ConceptIndexPage",
        "casestudies.CaseStudyIndexPage",
        "news.NewsIndexPage",
    ]
    max_count = 1
    page_description = "Die Startseite der Website (nur einmal vorhanden)."

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    def route(self, request, path_components):
        if path_components:
            return queries.route(self, request, path_components)
        return super().route(request, path_components)

    def featured_pages(self):
        """Chosen pages in editor order: one query for the links with their pages' types,
        one per page type (with the card images)."""
        targets = [item.target for item in self.featured_items.select_related("target")]
        by_model = {}
        for target in targets:
            by_model.setdefault(target.specific_class, []).append(target.pk)
        by_id = {}
        for model, ids in by_model.items():
            if model is None:
                continue
            images = [
                f.name
                for f in model._meta.get_fields()
                if f.name in ("listing_image", "hero_image", "image")
            ]
            pages = (
                model._default_manager.live()
                .filter(queries.public_q(), id__in=ids)
                .defer_streamfields()
                .select_related(*images)
            )
            by_id.update((page.pk, page) for page in pages)
        return [by_id[target.pk] for target in targets if target.pk in by_id]

    def latest_news(self):
        NewsPage = apps.get_model("news", "NewsPage")
        return list(
            NewsPage.objects.live()
            .filter(queries.public_q())
            .defer_streamfields()
            .order_by("-date", "-pk")[:3]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = self.featured_pages()
        context["latest_news"] = self.latest_news()
        return context


class HomePageFeaturedItem(Orderable):
    page = ParentalKey(HomePage, related_name="featured_items", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Seite",
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("target", ["concepts.ConceptPage", "casestudies.CaseStudyPage"])]

    class Meta(Orderable.Meta):
        verbose_name = "Hervorgehobene Seite"
        verbose_name_plural = "Hervorgehobene Seiten"


# --- Standard page ------------------------------------------------------------------------


class StandardPage(BasePage):
    body = StreamField(BodyStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["partnerships.HomePage", "partnerships.StandardPage"]
    subpage_types = ["partnerships.StandardPage"]
    page_description = (
        "Einfache Inhaltsseite, z. B. Impressum, Datenschutzerklärung oder Erklärung zur "
        "Barrierefreiheit."
    )

    class Meta:
        verbose_name = "Standardseite"
        verbose_name_plural = "Standardseiten"


# --- Contact page -------------------------------------------------------------------------


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")
    autocomplete = models.CharField(
        "Autovervollständigung",
        max_length=40,
        blank=True,
        choices=contact.AUTOCOMPLETE_CHOICES,
        help_text="Sagt dem Browser, welche Angabe gemeint ist, damit er sie vorschlagen kann "
        "(wichtig für die Barrierefreiheit). Leer: bei E-Mail-Feldern „email“, sonst keine.",
    )

    panels = [*AbstractFormField.panels, FieldPanel("autocomplete")]

    class Meta(AbstractFormField.Meta):
        verbose_name = "Formularfeld"
        verbose_name_plural = "Formularfelder"


class ContactPage(AbstractEmailForm, BasePage):
    """The contact form: fields defined by editors, every submission stored (admin →
    Formulare) and e-mailed to ``to_address``. Spam protection: a honeypot field and a limit
    per client address (``partnerships.contact``). Responses are never cached."""

    intro = RichTextField(
        "Einleitung",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Steht über dem Formular.",
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name="Weitere Informationen",
        blank=True,
        help_text="Steht unter dem Formular, z. B. Anschrift und andere Wege, uns zu erreichen.",
    )
    thank_you_text = RichTextField(
        "Text nach dem Absenden",
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Erscheint nach dem erfolgreichen Absenden über der Zusammenfassung der Angaben.",
    )
    to_address = models.CharField(
        "Empfänger",
        max_length=255,
        blank=True,
        validators=[validate_to_address],
        help_text="E-Mail-Adresse(n), an die jede Nachricht geschickt wird; mehrere durch "
        "Komma trennen. Alle Nachrichten werden außerdem gespeichert (Formulare im Menü).",
    )
    from_address = models.EmailField(
        "Absender",
        max_length=255,
        blank=True,
        help_text="Absenderadresse der Benachrichtigung. Leer: die Standardadresse der Website. "
        "Die Adresse der Person, die schreibt, steht als Antwortadresse in der E-Mail.",
    )
    subject = models.CharField(
        "Betreff der E-Mail",
        max_length=255,
        blank=True,
        help_text=f"Leer: „{contact.DEFAULT_SUBJECT}“.",
    )

    form_builder = contact.ContactFormBuilder

    content_panels = [
        FormSubmissionsPanel(),
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Formularfelder", heading="Formularfelder"),
        FieldPanel("thank_you_text"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading="E-Mail-Benachrichtigung",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["partnerships.HomePage"]
    subpage_types = []
    max_count = 1
    page_description = (
        "Die Kontaktseite mit Formular (nur einmal vorhanden): Nachrichten werden gespeichert "
        "und per E-Mail weitergeleitet."
    )

    class Meta:
        verbose_name = "Kontaktseite"
        verbose_name_plural = "Kontaktseiten"

    def serve(self, request, *args, **kwargs):
        """Wagtail's form handling plus honeypot and rate limit; never cacheable (the form
        carries a CSRF token, answers depend on the visitor)."""
        if request.method == "POST":
            response = self.serve_post(request, *args, **kwargs)
        else:
            response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response

    def serve_post(self, request, *args, **kwargs):
        limit = contact.RateLimit(request)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if limit.exceeded():
            return self.render_rate_limited(request, form)
        if contact.honeypot_filled(request):
            # Looks like success to the bot; nothing is stored or sent.
            limit.hit()
            logger.info("Kontaktformular: Honeypot ausgefüllt, Nachricht verworfen.")
            rows = form.submitted_rows() if form.is_valid() else []
            return self.render_landing_page(request, None, rows=rows)
        if form.is_valid():
            if not limit.hit():
                return self.render_rate_limited(request, form)
            submission = self.process_form_submission(form)
            return self.render_landing_page(request, submission, rows=form.submitted_rows())
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    def render_rate_limited(self, request, form):
        context = self.get_context(request)
        context["form"] = form
        context["rate_limit_message"] = contact.RATE_LIMIT_MESSAGE
        response = TemplateResponse(request, self.get_template(request), context, status=429)
        response["Retry-After"] = str(settings.CONTACT_RATE_WINDOW)
        return response

    def render_landing_page(self, request, form_submission=None, *args, rows=(), **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        response.context_data["submitted_rows"] = rows
        return response

    def process_form_submission(self, form):
        """Store first (Wagtail's ``FormMixin``), then e-mail: a failing mail server is
        logged and loses nothing."""
        submission = super(EmailFormMixin, self).process_form_submission(form)
        contact.send_submission_mail(self, form, submission)
        return submission

    def send_mail(self, form):
        contact.send_submission_mail(self, form)


# --- Site settings ------------------------------------------------------------------------


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation = models.CharField(
        "Organisation", max_length=200, default="Rambøll Management Consulting GmbH"
    )
    street = models.CharField("Straße und Hausnummer", max_length=200, blank=True)
    postal_code = models.CharField("Postleitzahl", max_length=10, blank=True)
    city = models.CharField("Ort", max_length=100, blank=True)
    email = models.EmailField("E-Mail", blank=True)
    phone = models.CharField("Telefon", max_length=50, blank=True)
    default_social_image = models.ForeignKey(
        CustomImage,
        verbose_name="Standard-Vorschaubild zum Teilen",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Erscheint beim Teilen in sozialen Netzwerken, wenn eine Seite kein eigenes "
        "Bild hat. Wird auf 1200 × 630 Pixel zugeschnitten; ideal ist ein Querformat von "
        "mindestens dieser Größe.",
    )
    footer_links = StreamField(
        [("link", PageLinkBlock())],
        verbose_name="Links in der Fußzeile",
        blank=True,
        help_text="Impressum, Datenschutz, Barrierefreiheit, Kontakt …",
    )

    panels = [
        FieldPanel("organisation"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading="Anschrift und Kontakt",
        ),
        FieldPanel("footer_links"),
        FieldPanel("default_social_image"),
    ]

    select_related = ["default_social_image"]

    class Meta:
        verbose_name = "Website-Einstellungen"

    @classmethod
    def for_request(cls, request):
        """Wagtail's ``for_request`` with the footer links' pages loaded: a copy per request
        (Wagtail keeps the request on it) of the settings loaded for the site."""
        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        instance = copy.copy(cls._load(site))
        instance._request = request
        setattr(request, attr_name, instance)
        return instance

    @classmethod
    def _load(cls, site):
        instance = cls.for_site(site)
        for link in instance.footer_links:  # loads the linked pages in one query
            link.value.get("page")
        return instance


class ContentVersion(models.Model):
    """One row: a number raised by every content change (``partnerships.caching.version``)."""

    token = models.BigIntegerField("Inhaltsstand", default=0)
    privacy = models.BigIntegerField(
        "Inhaltsstand der letzten Einschränkung",
        default=0,
        help_text="Stand der letzten Änderung, die Besuchern etwas entzog (Zugriffsschutz, "
        "Depublizieren, Löschen, Verschieben): älter darf kein Cache ausliefern.",
    )

    class Meta:
        verbose_name = "Inhaltsstand"
        verbose_name_plural = "Inhaltsstände"

    def __str__(self):
        return f"Inhaltsstand {self.token}"


class ContactRateHit(models.Model):
    """One counted contact form submission, for the rate limit (``partnerships.contact``).

    Kept in the database, not in the cache: a cache may lose or evict its counters (Redis
    down, ``allkeys-lru``), which would open the form to spam. The address is stored only as
    a salted hash; rows older than the window are deleted with the next submission.
    """

    client = models.CharField("Absender (Hash)", max_length=32)
    created = models.DateTimeField("Zeitpunkt", db_index=True)

    class Meta:
        verbose_name = "Kontaktformular-Zählung"
        verbose_name_plural = "Kontaktformular-Zählungen"
        indexes = [models.Index(fields=["client", "created"], name="contact_rate_client_time")]

    def __str__(self):
        return f"{self.client} {self.created:%Y-%m-%d %H:%M:%S}"

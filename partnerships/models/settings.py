"""Site-wide settings and the content version row."""

import copy

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Site

from partnerships.blocks import PageLinkBlock
from partnerships.models.images import CustomImage


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
    # The Impressum's facts (§ 5 DDG, § 18 Abs. 2 MStV, Art. 13 DSGVO), supplied by the client;
    # empty ones are not invented but reported by ``check --deploy`` (partnerships.legal).
    legal_form = models.CharField(
        "Rechtsform",
        max_length=100,
        blank=True,
        help_text="Ausgeschrieben, z. B. „Gesellschaft mit beschränkter Haftung (GmbH)“.",
    )
    managing_directors = models.TextField(
        "Geschäftsführung",
        blank=True,
        help_text="Die vertretungsberechtigten Personen mit Vor- und Nachnamen, eine je Zeile.",
    )
    register_court = models.CharField(
        "Registergericht", max_length=100, blank=True, help_text="Z. B. „Amtsgericht Hamburg“."
    )
    register_number = models.CharField(
        "Registernummer", max_length=50, blank=True, help_text="Z. B. „HRB 12345“."
    )
    vat_id = models.CharField(
        "Umsatzsteuer-Identifikationsnummer",
        max_length=20,
        blank=True,
        help_text="Nach § 27a Umsatzsteuergesetz, z. B. „DE123456789“.",
    )
    responsible_person = models.CharField(
        "Verantwortlich nach § 18 Abs. 2 MStV",
        max_length=200,
        blank=True,
        help_text="Vor- und Nachname der Person, die für die redaktionellen Inhalte "
        "verantwortlich ist.",
    )
    responsible_address = models.TextField(
        "Anschrift der verantwortlichen Person",
        blank=True,
        help_text="Eine ladungsfähige Anschrift, Zeile für Zeile (die Firmenanschrift genügt).",
    )
    dpo_name = models.CharField(
        "Datenschutzbeauftragte oder Datenschutzbeauftragter",
        max_length=200,
        blank=True,
        help_text="Name der Person oder des beauftragten Unternehmens.",
    )
    dpo_address = models.TextField(
        "Anschrift der oder des Datenschutzbeauftragten", blank=True, help_text="Zeile für Zeile."
    )
    dpo_email = models.EmailField(
        "E-Mail der oder des Datenschutzbeauftragten",
        blank=True,
        help_text="Eine eigene Adresse, nicht das Postfach des Projekts.",
    )
    hosting_provider = models.CharField(
        "Hosting-Dienstleister",
        max_length=200,
        blank=True,
        help_text="Name und Sitz des Unternehmens, das die Server betreibt, z. B. "
        "„Beispiel Hosting GmbH, Nürnberg“. Erscheint in der Datenschutzerklärung.",
    )
    hosting_location = models.CharField(
        "Standort der Server",
        max_length=100,
        blank=True,
        default="Deutschland",
        help_text="Land oder Region der Rechenzentren, z. B. „Deutschland“.",
    )
    accessibility_checked_on = models.DateField(
        "Letzte Prüfung der Barrierefreiheit",
        null=True,
        blank=True,
        help_text="Erscheint in der Erklärung zur Barrierefreiheit.",
    )
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
    citation_author = models.CharField(
        "Urheber im Zitiervorschlag",
        max_length=200,
        default="Rambøll Management",
        help_text="So steht die Organisation als Urheber im „Zitiervorschlag“ der "
        "Praxisbeispiele und Konzeptseiten, in den Downloads (BibTeX, RIS) und in den "
        "strukturierten Daten für Suchmaschinen.",
    )
    content_licence_name = models.CharField(
        "Lizenz der Inhalte",
        max_length=100,
        blank=True,
        default="CC BY 4.0",
        help_text="Die Lizenz, unter der Texte und Daten der Website weiterverwendet werden "
        "dürfen, z. B. „CC BY 4.0“. Erscheint beim Zitiervorschlag und in den strukturierten "
        "Daten; Bilder haben eigene Nachweise. Leer: keine Lizenzangabe.",
    )
    content_licence_url = models.URLField(
        "Adresse des Lizenztexts",
        max_length=300,
        blank=True,
        default="https://creativecommons.org/licenses/by/4.0/deed.de",
        help_text="Die Seite mit dem Lizenztext, z. B. "
        "https://creativecommons.org/licenses/by/4.0/deed.de.",
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
        MultiFieldPanel(
            [
                FieldPanel("legal_form"),
                FieldPanel("managing_directors"),
                FieldRowPanel([FieldPanel("register_court"), FieldPanel("register_number")]),
                FieldPanel("vat_id"),
                FieldPanel("responsible_person"),
                FieldPanel("responsible_address"),
            ],
            heading="Impressum",
        ),
        MultiFieldPanel(
            [
                FieldPanel("dpo_name"),
                FieldPanel("dpo_address"),
                FieldPanel("dpo_email"),
                FieldRowPanel([FieldPanel("hosting_provider"), FieldPanel("hosting_location")]),
                FieldPanel("accessibility_checked_on"),
            ],
            heading="Datenschutz und Barrierefreiheit",
        ),
        FieldPanel("footer_links"),
        FieldPanel("default_social_image"),
        MultiFieldPanel(
            [
                FieldPanel("citation_author"),
                FieldRowPanel(
                    [FieldPanel("content_licence_name"), FieldPanel("content_licence_url")]
                ),
            ],
            heading="Zitieren und Lizenz",
        ),
    ]

    select_related = ["default_social_image"]

    class Meta:
        verbose_name = "Website-Einstellungen"

    def clean(self):
        super().clean()
        if self.content_licence_url and not self.content_licence_name:
            raise ValidationError(
                {
                    "content_licence_name": "Bitte den Namen der Lizenz angeben, deren Adresse "
                    "eingetragen ist."
                }
            )

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
    next_change = models.BigIntegerField(
        "Nächster Zeitpunkt",
        null=True,
        blank=True,
        help_text="Unix-Sekunden des nächsten Zeitpunkts, an dem sich Inhalte ohne Speichern "
        "ändern (z. B. das Ende einer Veranstaltung); leer: für diesen Stand noch nicht "
        "berechnet.",
    )

    class Meta:
        verbose_name = "Inhaltsstand"
        verbose_name_plural = "Inhaltsstände"

    def __str__(self):
        return f"Inhaltsstand {self.token}"

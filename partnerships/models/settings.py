"""Site-wide settings and the content version row."""

import copy

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

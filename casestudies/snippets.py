"""The snippets that classify case studies (Branche, Projektphase) and the Länder."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from partnerships.slugs import german_slug

# (filter value, name): the values by the site's one slug rule ("thueringen").
BUNDESLAENDER = [
    (german_slug(name), name)
    for name in (
        "Baden-Württemberg",
        "Bayern",
        "Berlin",
        "Brandenburg",
        "Bremen",
        "Hamburg",
        "Hessen",
        "Mecklenburg-Vorpommern",
        "Niedersachsen",
        "Nordrhein-Westfalen",
        "Rheinland-Pfalz",
        "Saarland",
        "Sachsen",
        "Sachsen-Anhalt",
        "Schleswig-Holstein",
        "Thüringen",
    )
]


@register_snippet
class Branche(models.Model):
    name = models.CharField("Bezeichnung", max_length=100, unique=True)
    slug = models.SlugField(
        "Kurzname (URL)", max_length=100, unique=True, help_text="Erscheint im Filter-Link."
    )
    description = models.TextField("Beschreibung", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        verbose_name = "Branche / Cluster"
        verbose_name_plural = "Branchen / Cluster"
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet
class Projektphase(models.Model):
    name = models.CharField("Bezeichnung", max_length=100, unique=True)
    slug = models.SlugField("Kurzname (URL)", max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(
        "Reihenfolge", default=0, help_text="Kleinere Zahlen stehen weiter vorn."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = "Projektphase"
        verbose_name_plural = "Projektphasen"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

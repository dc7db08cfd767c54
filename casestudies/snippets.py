"""The snippets that classify case studies (Branche, Projektphase) and the Länder."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

BUNDESLAENDER = [
    ("baden-wuerttemberg", "Baden-Württemberg"),
    ("bayern", "Bayern"),
    ("berlin", "Berlin"),
    ("brandenburg", "Brandenburg"),
    ("bremen", "Bremen"),
    ("hamburg", "Hamburg"),
    ("hessen", "Hessen"),
    ("mecklenburg-vorpommern", "Mecklenburg-Vorpommern"),
    ("niedersachsen", "Niedersachsen"),
    ("nordrhein-westfalen", "Nordrhein-Westfalen"),
    ("rheinland-pfalz", "Rheinland-Pfalz"),
    ("saarland", "Saarland"),
    ("sachsen", "Sachsen"),
    ("sachsen-anhalt", "Sachsen-Anhalt"),
    ("schleswig-holstein", "Schleswig-Holstein"),
    ("thueringen", "Thüringen"),
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

"""What the whole site classifies by: the Länder and the Branchen (case studies, events)."""

from django.db import models
from wagtail.admin.panels import FieldPanel

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


class Branche(models.Model):
    """A Branche or cluster: the filter „Branche“ of the case studies, „Thema“ of the events.

    Case studies brought it; the table keeps its first name (``casestudies_branche``).
    """

    name = models.CharField("Bezeichnung", max_length=100, unique=True)
    slug = models.SlugField(
        "Kurzname (URL)", max_length=100, unique=True, help_text="Erscheint im Filter-Link."
    )
    description = models.TextField("Beschreibung", blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        db_table = "casestudies_branche"
        verbose_name = "Branche / Cluster"
        verbose_name_plural = "Branchen / Cluster"
        ordering = ["name"]

    def __str__(self):
        return self.name

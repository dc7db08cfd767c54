"""The snippets that classify case studies: Projektphase here, and the site-wide Branche
and Länder from ``partnerships``."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from partnerships.models.taxonomy import BUNDESLAENDER, Branche

__all__ = ["BUNDESLAENDER", "Branche", "Projektphase"]


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

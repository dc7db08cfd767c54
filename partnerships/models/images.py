"""The image and rendition models (alternative text, decorative flag, credit)."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.search import index


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
        permissions = [("choose_image", "Darf Bilder auswählen")]

    @property
    def default_alt_text(self):
        if self.is_decorative:
            return ""
        return self.description or self.title


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

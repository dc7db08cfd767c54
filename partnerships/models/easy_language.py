"""Pages in Leichte Sprache (easy-to-read German): short sentences, one statement per line,
hard words explained in boxes, large type. The editor's content checks warn about long
sentences and long words on these pages (``partnerships.editorial.content_checks``).

The page carries a plain label „Leichte Sprache“, not the logos of Inclusion Europe or the
Netzwerk Leichte Sprache: those may only be used under their licence, for texts checked by
their test readers, which this site cannot promise for every edit.
"""

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from partnerships.blocks import CaptionedImageBlock
from partnerships.models.base import BasePage


class LinesBlock(blocks.TextBlock):
    """One statement per line; every line becomes its own paragraph."""

    class Meta:
        icon = "list-ul"
        label = "Absatz in Leichter Sprache"
        template = "blocks/easy/lines_block.html"
        help_text = (
            "Schreiben Sie in jede Zeile nur einen kurzen Satz (höchstens 12 Wörter). Lange "
            "Wörter trennen Sie mit dem Mediopunkt: Wirtschafts·förderung."
        )


class HardWordBlock(blocks.StructBlock):
    word = blocks.CharBlock(label="Schweres Wort", max_length=80)
    explanation = blocks.TextBlock(label="Erklärung", help_text="Kurze Sätze, ein Satz je Zeile.")

    class Meta:
        icon = "help"
        label = "Schweres Wort erklärt"
        template = "blocks/easy/hard_word_block.html"


class EasyLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Seite")
    text = blocks.CharBlock(
        label="Linktext",
        max_length=120,
        help_text="Sagt, wohin der Link führt, z. B. „Hier finden Sie die Beispiele.“",
    )

    class Meta:
        icon = "link"
        label = "Link: Mehr dazu"
        template = "blocks/easy/link_block.html"


class EasyLanguageStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label="Überschrift", max_length=120, template="blocks/easy/heading_block.html"
    )
    lines = LinesBlock()
    hard_word = HardWordBlock()
    image = CaptionedImageBlock()
    link = EasyLinkBlock()


class EasyLanguagePage(BasePage):
    body = StreamField(EasyLanguageStreamBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*Page.content_panels, FieldPanel("teaser"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["partnerships.HomePage", "partnerships.EasyLanguagePage"]
    subpage_types = ["partnerships.EasyLanguagePage"]
    type_label = "Leichte Sprache"
    page_description = (
        "Eine Seite in Leichter Sprache: kurze Sätze, eine Aussage je Zeile, schwere Wörter "
        "erklärt. Die Prüfungen in der Vorschau warnen vor langen Sätzen und Wörtern."
    )

    class Meta:
        verbose_name = "Seite in Leichter Sprache"
        verbose_name_plural = "Seiten in Leichter Sprache"

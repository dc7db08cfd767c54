"""StreamField blocks shared by every page type (headings, text, images, quotes, info boxes,
tables, downloads). No embeds: nothing may load from a third-party host."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from partnerships import legal
from partnerships.slugs import german_slug

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Überschrift", max_length=200)
    level = blocks.ChoiceBlock(
        label="Ebene",
        choices=[("h2", "Abschnitt (H2)"), ("h3", "Unterabschnitt (H3)")],
        default="h2",
        help_text="H2-Überschriften erscheinen im Inhaltsverzeichnis.",
    )

    class Meta:
        icon = "title"
        label = "Überschrift"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Ausgangslage in der Region", "level": "h2"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A page renders its body with unique anchors (see heading_anchors); alone, the
        # block falls back to the anchor of its own text.
        context["anchor"] = (parent_context or {}).get("anchor") or heading_anchor(value["text"])
        return context


def heading_anchor(text):
    """The URL fragment of a heading: "Schlüsselbranchen" → "schluesselbranchen"."""
    return german_slug(text, fallback="abschnitt")


def heading_anchors(stream):
    """{block id: anchor} for the heading blocks of a StreamField value, unique per page:
    a repeated heading text gets "-2", "-3", … so every table-of-contents link has its own
    target."""
    anchors, used = {}, set()
    for block in stream:
        if block.block_type != "heading":
            continue
        base = anchor = heading_anchor(block.value["text"])
        n = 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        anchors[block.id] = anchor
    return anchors


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Absatz"
        template = "blocks/paragraph_block.html"
        preview_value = (
            "<p>Kommunen richten ihre Wirtschaftsförderung zunehmend an regionalen Clustern "
            "aus.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(
        label="Bild",
        help_text="Alternativtext und Bildnachweis werden am Bild gepflegt.",
    )
    caption = blocks.CharBlock(label="Bildunterschrift", required=False, max_length=300)

    class Meta:
        icon = "image"
        label = "Bild mit Unterschrift"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Zitat")
    attribution = blocks.CharBlock(label="Quelle / Person", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Cluster entstehen dort, wo Unternehmen und Kommune an einem Strang ziehen.",
            "attribution": "Wirtschaftsförderin aus Niedersachsen",
        }


class InfoBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=120)
    text = blocks.RichTextBlock(label="Text", features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = "Infokasten"
        template = "blocks/info_box_block.html"
        preview_value = {
            "title": "Gut zu wissen",
            "text": "<p>Eine strategische Partnerschaft ist auf mehrere Jahre angelegt.</p>",
        }


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Dokument")
    title = blocks.CharBlock(
        label="Linktext",
        required=False,
        max_length=200,
        help_text="Leer lassen, um den Titel des Dokuments zu verwenden.",
    )

    class Meta:
        icon = "doc-full"
        label = "Dokument zum Herunterladen"
        template = "blocks/download_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    info_box = InfoBoxBlock()
    table = TableBlock(
        label="Tabelle",
        template="blocks/table_block.html",
        table_options={"language": "de-DE", "contextMenu": True, "startRows": 3, "startCols": 3},
    )
    download = DownloadBlock()

    class Meta:
        block_counts = {}


class LegalSectionBlock(blocks.StructBlock):
    """A section of a legal page written from the site settings and the configuration
    (``partnerships.legal``), so the Impressum and the privacy text say what is set up: what
    the client has not supplied stays out (and ``check --deploy`` reports it)."""

    section = blocks.ChoiceBlock(
        label="Abschnitt",
        choices=[
            ("anbieter", "Anbieterkennzeichnung (§ 5 DDG)"),
            ("verantwortlich_mstv", "Verantwortlich nach § 18 Abs. 2 MStV (mit Überschrift)"),
            ("verantwortlicher", "Verantwortlicher im Sinne der DSGVO"),
            (
                "datenschutzbeauftragte",
                "Datenschutzbeauftragte oder Datenschutzbeauftragter (mit Überschrift)",
            ),
            ("server_logs", "Server-Logfiles und ihre Speicherdauer"),
            ("hosting", "Hosting, Mediendateien und Übermittlung"),
            ("cookies", "Cookies"),
            ("formulare", "Kontakt- und Feedbackformular, Speicherdauer"),
            ("barrierefreiheit_pruefung", "Letzte Prüfung der Barrierefreiheit"),
        ],
    )

    class Meta:
        icon = "cog"
        label = "Abschnitt aus den Einstellungen"
        template = "blocks/legal_section_block.html"
        help_text = (
            "Der Text wird aus den Website-Einstellungen und der Server-Konfiguration erzeugt "
            "und ist deshalb immer aktuell."
        )

    def get_context(self, value, parent_context=None):
        from partnerships.models import SiteSettings

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        context["site_settings"] = (
            SiteSettings.for_request(request) if request else legal.default_site_settings()
        )
        context["facts"] = legal.privacy_facts()
        if value["section"] == "anbieter":
            context["contact_page"] = legal.contact_page()
        return context


class StandardBodyBlock(BodyStreamBlock):
    """The standard page's content: the shared blocks plus generated legal sections."""

    legal_section = LegalSectionBlock()


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label="Seite")
    title = blocks.CharBlock(
        label="Linktext",
        required=False,
        max_length=80,
        help_text="Leer lassen, um den Seitentitel zu verwenden.",
    )

    class Meta:
        icon = "link"
        label = "Link"

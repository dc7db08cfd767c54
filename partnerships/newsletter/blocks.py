"""The blocks of a newsletter issue: pages shown as cards (title, teaser, link)."""

from wagtail import blocks


class IssueItemsBlock(blocks.StreamBlock):
    beitrag = blocks.PageChooserBlock(
        label="Beitrag",
        help_text="Eine Meldung, ein Praxisbeispiel, eine Veranstaltung oder eine andere Seite.",
    )
    zwischentitel = blocks.CharBlock(label="Zwischenüberschrift", max_length=120)

    class Meta:
        label = "Beiträge"

"""The blocks of an event: its programme (a day, then rows of time, title and speaker) and its
downloads."""

from wagtail import blocks

from partnerships.blocks import DownloadBlock


class ProgrammeDayBlock(blocks.StructBlock):
    day = blocks.DateBlock(label="Tag", format="%d.%m.%Y")
    title = blocks.CharBlock(
        label="Überschrift", required=False, max_length=120, help_text="z. B. „Exkursion“."
    )

    class Meta:
        icon = "date"
        label = "Tag (bei mehrtägigen Veranstaltungen)"


class ProgrammeItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label="Uhrzeit", required=False, format="%H:%M")
    title = blocks.CharBlock(label="Programmpunkt", max_length=200)
    speaker = blocks.CharBlock(
        label="Referentin / Referent",
        required=False,
        max_length=200,
        help_text="Name und Organisation, z. B. „Dr. Anna Beispiel, Landkreis Vechta“.",
    )

    class Meta:
        icon = "time"
        label = "Programmpunkt"


class ProgrammeBlock(blocks.StreamBlock):
    day = ProgrammeDayBlock()
    item = ProgrammeItemBlock()

    class Meta:
        block_counts = {}


class DownloadsBlock(blocks.StreamBlock):
    download = DownloadBlock()

    class Meta:
        block_counts = {}

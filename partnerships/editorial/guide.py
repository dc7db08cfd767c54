"""The editor guide („Anleitung für die Redaktion“): a German page inside the admin, with
screenshots of this site's admin, reached from the help menu instead of Wagtail's generic
guide on wagtail.org.

The screenshots are made by ``make guide-screenshots`` (tests/browser/test_editor_guide.py
with ``GUIDE_SCREENSHOTS=1``) and committed as small WebP files.
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.menu import MenuItem

URL_NAME = "partnerships_editor_guide"
MENU_NAME = "anleitung"
# Wagtail's own help items that point to wagtail.org (a third party, in English).
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")

# (anchor, title, screenshot file or None, alt text): the table of contents and the figures.
SECTIONS = [
    (
        "ueberblick",
        "Rollen und die Übersicht",
        "dashboard.webp",
        "Die Übersicht einer Redakteurin mit den Bereichen „Meine Entwürfe“, „Eingereicht“ "
        "und „Geplant“.",
    ),
    (
        "meldung",
        "Eine Meldung schreiben",
        "meldung.webp",
        "Das Formular „Neu: Meldung“ mit Titel, Kurzbeschreibung, Bild und Text.",
    ),
    (
        "praxisbeispiel",
        "Ein Praxisbeispiel anlegen",
        "praxisbeispiel.webp",
        "Der Steckbrief eines Praxisbeispiels mit Kommune, Bundesland, Branchen, Projektphase "
        "und Zeitraum.",
    ),
    (
        "bilder",
        "Bilder und Alternativtext",
        "bild.webp",
        "Das Hochladen eines Bildes im Bild-Dialog mit den Feldern Titel, Datei, Alternativtext "
        "und Bildnachweis.",
    ),
    (
        "freigabe",
        "Die Freigabe",
        "freigabe.webp",
        "Das Aktionsmenü unten im Seiteneditor mit „Zur Freigabe einreichen“.",
    ),
    (
        "zeitsteuerung",
        "Veröffentlichung planen",
        "zeitsteuerung.webp",
        "Der Dialog „Veröffentlichungszeitplan festlegen“ mit den Feldern für Beginn und Ende.",
    ),
    (
        "weiterleitungen",
        "Weiterleitungen",
        "weiterleitungen.webp",
        "Die Liste der Weiterleitungen mit alter Adresse und Ziel.",
    ),
]


def guide_view(request):
    return TemplateResponse(request, "partnerships/admin/editor_guide.html", {"sections": SECTIONS})


def guide_menu_item():
    return MenuItem(
        "Anleitung für die Redaktion",
        reverse(URL_NAME),
        name=MENU_NAME,
        icon_name="help",
        order=900,
    )


def replace_wagtail_help(menu_items):
    """The help menu: this site's guide first, Wagtail's links to wagtail.org removed."""
    menu_items[:] = [
        item
        for item in menu_items
        if not any(item.name.startswith(name) for name in WAGTAIL_HELP_ITEMS)
    ]

"""Content checks in the editor: Wagtail's checker (axe-core) with German messages and the
site's own rules; their JavaScript is in ``static/partnerships/js/content-checks.js``.
Details: docs/architecture.md.
"""

from wagtail.admin.userbar import ContentCheckerItem

from partnerships.seo import description

# Link texts that do not say where a link leads (compared after lower-casing and removing
# punctuation and arrows at either end).
VAGUE_LINK_TEXTS = [
    "hier klicken",
    "klicken sie hier",
    "hier",
    "mehr",
    "weiter",
    "link",
    "mehr erfahren",
    "mehr lesen",
    "weiterlesen",
    "weitere informationen",
    "details",
    "zum artikel",
    "klick",
    "klicken",
]

# Set on images in previews whose alternative text is missing (see
# ``partnerships.templatetags.image_tags.content_check_marker``).
ALT_TEXT_MISSING_MARKER = "alternativtext-fehlt"
MARKER_ATTRIBUTE = "data-inhaltspruefung"

CUSTOM_RULES = [
    {
        "id": "sp-alternativtext",
        "impact": "serious",
        "selector": "img",
        "tags": ["best-practice"],
        "any": ["sp-check-alternativtext"],
        "enabled": True,
    },
    {
        "id": "sp-linktext",
        "impact": "serious",
        # Pagination ("Zurück"/"Weiter") is the template's, labelled by its navigation.
        "selector": "a[href]:not([rel~='next']):not([rel~='prev'])",
        "tags": ["best-practice"],
        "any": ["sp-check-linktext"],
        "enabled": True,
    },
    {
        "id": "sp-suchbeschreibung",
        "impact": "moderate",
        # A page-level finding: shown at the page's main heading (as Wagtail's own
        # empty-meta-description rule does).
        "selector": "h1",
        "tags": ["seo"],
        "any": ["sp-check-suchbeschreibung"],
        "enabled": True,
    },
]

# Leichte Sprache (``EasyLanguagePage`` only): every line of a "Absatz in Leichter Sprache"
# or an explanation is one statement; axe shows the offending line in the checks panel.
EASY_MAX_WORDS = 12
EASY_MAX_LETTERS = 15  # longer words need the Mediopunkt (Wirtschafts·förderung) or a hyphen
EASY_RULES = [
    {
        "id": "sp-leichte-sprache-satz",
        "impact": "moderate",
        "selector": ".easy-language__line",
        "tags": ["best-practice"],
        "any": ["sp-check-satzlaenge"],
        "enabled": True,
    },
    {
        "id": "sp-leichte-sprache-wort",
        "impact": "moderate",
        "selector": ".easy-language__line, .easy-language__body h2",
        "tags": ["best-practice"],
        "any": ["sp-check-wortlaenge"],
        "enabled": True,
    },
]

MESSAGES = {
    "sp-leichte-sprache-satz": {
        "error_name": f"Satz zu lang für Leichte Sprache (mehr als {EASY_MAX_WORDS} Wörter)",
        "help_text": "Teilen Sie den markierten Satz in zwei kurze Sätze. Schreiben Sie jede "
        "Aussage in eine eigene Zeile.",
    },
    "sp-leichte-sprache-wort": {
        "error_name": f"Langes Wort (mehr als {EASY_MAX_LETTERS} Buchstaben)",
        "help_text": "Trennen Sie lange zusammengesetzte Wörter mit dem Mediopunkt "
        "(Wirtschafts·förderung) oder ersetzen Sie sie durch ein einfacheres Wort.",
    },
    "sp-alternativtext": {
        "error_name": "Bild ohne Alternativtext",
        "help_text": "Tragen Sie unter Bilder beim Bild einen Alternativtext ein, der beschreibt, "
        "was zu sehen ist – oder markieren Sie es als „Dekoratives Bild“.",
    },
    "sp-linktext": {
        "error_name": "Nichtssagender Linktext",
        "help_text": "Der Linktext soll allein verständlich sagen, wohin der Link führt, z. B. "
        "„Studie zur Clusterförderung“ statt „hier klicken“ oder „mehr“.",
    },
    "sp-suchbeschreibung": {
        "error_name": "Suchbeschreibung fehlt",
        "help_text": "Füllen Sie die „Kurzbeschreibung“ aus (oder im Reiter „Veröffentlichung“ "
        "das Feld „Meta-Information Beschreibung“): ein bis zwei Sätze, die Suchmaschinen "
        "unter dem Titel zeigen.",
    },
    "heading-order": {
        "error_name": "Überschriftenebene übersprungen",
        "help_text": "Überschriften folgen ohne Lücke aufeinander: unter dem Seitentitel "
        "„Abschnitt (H2)“, darunter „Unterabschnitt (H3)“.",
    },
    # Wagtail's own rules, in German whatever language the user's admin is set to.
    "button-name": {
        "error_name": "Schaltfläche ohne Text",
        "help_text": "Verwenden Sie einen aussagekräftigen Text für Screenreader-Nutzer.",
    },
    "empty-heading": {
        "error_name": "Leere Überschrift",
        "help_text": "Geben Sie der Überschrift einen Text oder entfernen Sie sie.",
    },
    "empty-table-header": {
        "error_name": "Leere Tabellenüberschrift",
        "help_text": "Geben Sie jeder Kopfzelle einen aussagekräftigen Text.",
    },
    "frame-title": {
        "error_name": "Eingebetteter Rahmen ohne Titel",
        "help_text": "Verwenden Sie einen aussagekräftigen Titel für Screenreader-Nutzer.",
    },
    "input-button-name": {
        "error_name": "Schaltfläche ohne Text",
        "help_text": "Verwenden Sie einen aussagekräftigen Text für Screenreader-Nutzer.",
    },
    "link-name": {
        "error_name": "Link ohne Text",
        "help_text": "Geben Sie jedem Link einen Text, der sagt, wohin er führt.",
    },
    "p-as-heading": {
        "error_name": "Absatz als Überschrift formatiert",
        "help_text": "Verwenden Sie den Block „Überschrift“ statt fett gesetzter Absätze.",
    },
    "alt-text-quality": {
        "error_name": "Alternativtext sieht aus wie ein Dateiname",
        "help_text": "Beschreiben Sie, was auf dem Bild zu sehen ist.",
    },
    "empty-meta-description": {
        "error_name": "Meta-Beschreibung ist leer",
        "help_text": "Fügen Sie eine kurze Beschreibung für Suchmaschinen hinzu.",
    },
}


def search_description_missing(page):
    """True when the page publishes no description (``partnerships.seo.description``): its
    teaser counts, as it does in the page head."""
    if page is None or not hasattr(page, "search_description"):
        return False
    return not description.meta_description(page)


class SiteContentChecker(ContentCheckerItem):
    """Wagtail's content checker item with this site's rules (see the module docstring)."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        *(rule["id"] for rule in CUSTOM_RULES),
    ]
    axe_custom_rules = [*ContentCheckerItem.axe_custom_rules, *CUSTOM_RULES]
    axe_messages = {**ContentCheckerItem.axe_messages, **MESSAGES}
    easy_run_only = [rule["id"] for rule in EASY_RULES]

    class Media:
        js = ["partnerships/js/content-checks.js"]

    def __init__(self, page=None, in_editor=False):
        super().__init__(in_editor=in_editor)
        self.page = page

    def is_easy_language(self):
        from partnerships.models.easy_language import EasyLanguagePage

        return isinstance(self.page, EasyLanguagePage)

    def get_axe_run_only(self, request):
        run_only = super().get_axe_run_only(request)
        return [*run_only, *self.easy_run_only] if self.is_easy_language() else run_only

    def get_axe_custom_rules(self, request):
        rules = super().get_axe_custom_rules(request)
        return [*rules, *EASY_RULES] if self.is_easy_language() else rules

    def get_axe_custom_checks(self, request):
        easy = (
            [
                {"id": "sp-check-satzlaenge", "options": {"maxWords": EASY_MAX_WORDS}},
                {"id": "sp-check-wortlaenge", "options": {"maxLetters": EASY_MAX_LETTERS}},
            ]
            if self.is_easy_language()
            else []
        )
        return [
            *super().get_axe_custom_checks(request),
            *easy,
            {
                "id": "sp-check-alternativtext",
                "options": {"attribute": MARKER_ATTRIBUTE, "marker": ALT_TEXT_MISSING_MARKER},
            },
            {"id": "sp-check-linktext", "options": {"texts": VAGUE_LINK_TEXTS}},
            {
                "id": "sp-check-suchbeschreibung",
                "options": {"missing": search_description_missing(self.page)},
            },
        ]

"""The page „Offene Daten“: what can be reused, under which licence, and how (exports, API).

The column table is built from ``casestudies.exports.COLUMNS``, so it cannot drift from the
export itself.
"""

from casestudies.exports import COLUMNS
from partnerships.initial_content.markup import h2, paragraph, table, ul

COLUMN_HELP = {
    "titel": "Titel des Praxisbeispiels",
    "url": "Adresse der Seite auf dieser Website",
    "kommune_region": "Kommune, Kreis oder Region",
    "bundesland": "Bundesland",
    "branchen": "Branchen / Cluster, durch Komma und Leerzeichen getrennt",
    "phase": "Projektphase (Analyse, Strategieentwicklung, Umsetzung, Verstetigung)",
    "zeitraum": "Laufzeit, z. B. „2019–2023“ oder „2021–heute“",
    "partner": "Beteiligte Partner, durch Komma und Leerzeichen getrennt",
    "kurzbeschreibung": "Anrisstext der Seite",
    "konzeptbausteine": "Verwandte Konzeptseiten, durch Komma und Leerzeichen getrennt",
    "erstmals_veroeffentlicht": "Datum der ersten Veröffentlichung (JJJJ-MM-TT)",
    "zuletzt_geaendert": "Datum der letzten Veröffentlichung (JJJJ-MM-TT)",
}

OFFENE_DATEN = {
    "slug": "offene-daten",
    "title": "Offene Daten",
    "show_in_menus": False,
    "teaser": (
        "Die Praxisbeispiele als Tabelle (CSV, JSON) und über eine offene Schnittstelle: zum "
        "Auswerten, Weiterverwenden und Zitieren."
    ),
    "body": [
        paragraph(
            "Alle Praxisbeispiele dieser Website stehen als offene Daten zur Verfügung – "
            "jede Auswahl des Filters unter „Praxisbeispiele“ auch als Tabelle. Die Texte "
            "und Daten stehen unter der Lizenz Creative Commons Namensnennung 4.0 "
            "International (CC BY 4.0), sofern nicht anders angegeben. Bitte nennen Sie als "
            "Quelle „Rambøll Management: Strategische Partnerschaften“ mit der Adresse der "
            "Seite; einen Zitiervorschlag finden Sie auf jeder Seite eines Praxisbeispiels.",
        ),
        h2("Als Tabelle herunterladen"),
        paragraph(
            "Unter jeder Liste der Praxisbeispiele stehen die Links „Als CSV herunterladen“ "
            "und „Als JSON“. Sie enthalten genau die Praxisbeispiele, die die Liste mit dem "
            "gewählten Filter zeigt, in derselben Reihenfolge. Die Adressen lauten zum "
            "Beispiel:",
            ul(
                "/praxisbeispiele/export/csv/ – alle Praxisbeispiele als CSV",
                "/praxisbeispiele/export/csv/?bundesland=niedersachsen – nur Niedersachsen",
                "/praxisbeispiele/export/json/?branche=logistik&amp;phase=umsetzung – als JSON",
            ),
            "Die CSV-Datei ist in UTF-8 mit Byte-Order-Mark kodiert und durch Semikolons "
            "getrennt, damit sie sich in Microsoft Excel mit deutschen Einstellungen per "
            "Doppelklick richtig öffnet. Werte, die eine Tabellenkalkulation als Formel "
            "ausführen würde (beginnend mit =, +, -, @), beginnen mit einem Apostroph. Die "
            "Spalten stehen immer in dieser Reihenfolge; neue Spalten kommen nur hinten hinzu:",
        ),
        table(
            "Spalten der Tabelle der Praxisbeispiele",
            [("Spalte (CSV)", "Schlüssel (JSON)", "Inhalt")]
            + [(title, key, COLUMN_HELP[key]) for key, title in COLUMNS],
        ),
        h2("Schnittstelle (API)"),
        paragraph(
            "Eine lesende Schnittstelle im JSON-Format liefert alle öffentlichen Seiten, "
            "Bilder und Dokumente; Entwürfe und geschützte Seiten sind nicht enthalten. Sie "
            "folgt der Programmierschnittstelle des Redaktionssystems Wagtail (Version 2).",
            ul(
                "/api/v2/praxisbeispiele/ – die Praxisbeispiele mit denselben Filtern wie die "
                "Liste: ?branche=, ?bundesland=, ?phase=, ?konzept= (die Werte aus der "
                "Adresse der gefilterten Liste); ?fields=* liefert alle Felder",
                "/api/v2/praxisbeispiele/?bundesland=sachsen&amp;fields=* – Beispiel",
                "/api/v2/pages/ – alle Seiten; ?type=news.NewsPage nur Meldungen, "
                "?search=Cluster sucht, ?limit=20&amp;offset=20 blättert",
                "/api/v2/pages/&lt;id&gt;/ – eine Seite mit allen Feldern",
                "/api/v2/images/ und /api/v2/documents/ – Bilder und Dokumente",
            ),
            "Je Adresse sind 120 Anfragen pro Minute möglich; darüber antwortet die "
            "Schnittstelle mit dem Status 429 und nennt im Kopf „Retry-After“ die Wartezeit. "
            "Ein unbekannter Filterwert ergibt den Status 400 mit einer Meldung.",
        ),
        h2("Dauerhafte Adressen"),
        paragraph(
            "Die Adressen gefilterter Listen (zum Beispiel "
            "/praxisbeispiele/?bundesland=bayern&amp;branche=logistik) bleiben gültig; Sie "
            "können sie verlinken und in Veröffentlichungen angeben.",
        ),
    ],
}

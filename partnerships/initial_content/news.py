"""Section "Aktuelles": the index page and the news items (oldest first).

The item of 24.04.2007 is the client's text, word for word (see ``seed``); the others are our
own items for the relaunch, dated from 2025 on. No item of ours is dated in the past of the
old site: invented news of 2006 or 2008 would read as the project's real history.
"""

from partnerships.initial_content import seed
from partnerships.initial_content.markup import h2, info_box, merksatz, paragraph, rich, ul

NEWS_INDEX = {
    "slug": "aktuelles",
    "title": "Aktuelles",
    "teaser": (
        "Meldungen rund um die strategische Partnerschaft und die clusterorientierte "
        "Wirtschaftsförderung: Tagungen, Veröffentlichungen und Neuigkeiten zur Website."
    ),
    "listing_image": "tagung",
    "intro": rich(
        "Hier finden Sie Meldungen zum Konzept der strategischen Partnerschaft, zu Tagungen und "
        "Veranstaltungen rund um die clusterorientierte Wirtschaftsförderung sowie Neuigkeiten "
        "zu dieser Website. Ältere Meldungen erreichen Sie über das Jahresarchiv.",
    ),
}

NEWS_ITEMS = [
    {
        "slug": "wirtschaftsfoerderer-diskutieren-laendlichen-raum",
        "title": seed.NEWS_2007_TITLE,
        "date": seed.NEWS_2007_DATE,
        "teaser": seed.NEWS_2007_TEASER,
        "image": "tagung",
        "tags": ["Tagung", "ländlicher Raum", "Cluster", "Oldenburger Münsterland"],
        "body": [("paragraph", f"<p>{seed.NEWS_2007_TEXT}</p>")],
    },
    {
        "slug": "fachkraefte-querschnittsthema-fuer-cluster",
        "title": "Fachkräftesicherung als Querschnittsthema für Cluster im ländlichen Raum",
        "date": "2025-06-16",
        "teaser": (
            "Der Fachkräftemangel betrifft fast alle Branchen. Gerade im ländlichen Raum kann "
            "er zum Anlass für eine branchenübergreifende Zusammenarbeit werden."
        ),
        "image": "fachkraefte",
        "tags": ["Fachkräfte", "ländlicher Raum", "Cluster"],
        "body": [
            paragraph(
                "Schon 2007 wurde auf einer Tagung in Oldenburg diskutiert, "
                "dass die Wirtschaftsförderung im ländlichen Raum die Vernetzung von "
                "Unternehmen über Branchengrenzen hinaus fördern sollte – entlang von "
                "Querschnittsthemen wie der Verfügbarkeit von Fachkräften. Knapp zwei "
                "Jahrzehnte später ist dieses Thema für viele Regionen zur zentralen "
                "Zukunftsfrage geworden.",
            ),
            h2("Warum Fachkräfte ein Clusterthema sind"),
            paragraph(
                "Unternehmen einer Branche konkurrieren um dieselben Berufsgruppen. Gemeinsam "
                "können sie aber mehr erreichen als allein: Sie können Berufe bekannter machen, "
                "im Verbund ausbilden, Weiterbildung organisieren und Zugezogenen den Einstieg "
                "in der Region erleichtern. Die Kommune bringt ein, was kein Unternehmen "
                "leisten kann – Wohnraum, Kinderbetreuung, Mobilität und ein offenes Klima für "
                "neue Bürgerinnen und Bürger.",
            ),
            h2("Ansatzpunkte für Kommunen"),
            paragraph(
                ul(
                    "Ausbildungsberufe der Schlüsselbranchen gemeinsam an Schulen vorstellen",
                    "Verbundausbildung und gemeinsame Weiterbildungsangebote unterstützen",
                    "Willkommensangebote für Fachkräfte und ihre Familien schaffen",
                    "Pendelverbindungen zu Gewerbegebieten verbessern",
                    "Wohnraum für Auszubildende und neue Beschäftigte mitdenken",
                )
            ),
            merksatz(
                "Fachkräfte entscheiden sich nicht nur für einen Arbeitgeber, sondern für eine "
                "Region. Deshalb ist Fachkräftesicherung eine gemeinsame Aufgabe von "
                "Unternehmen und Kommune.",
            ),
        ],
    },
    {
        "slug": "praxisbeispiele-neu-aufbereitet",
        "title": "Praxisbeispiele neu aufbereitet",
        "date": "2026-03-09",
        "teaser": (
            "Die Praxisbeispiele folgen einem einheitlichen Aufbau und lassen sich nach "
            "Branche, Bundesland und Projektphase filtern."
        ),
        "image": "muensterland",
        "tags": ["Praxisbeispiele", "Cluster"],
        "body": [
            paragraph(
                "Wie sieht eine strategische Partnerschaft in einer Gesundheitsregion aus, wie "
                "an einem Logistikstandort oder in einer Region mit starker "
                "Kunststoffverarbeitung? Die Praxisbeispiele beantworten diese Fragen in "
                "einheitlicher Form: Jedes Beispiel beschreibt Ausgangslage, Ziele, Vorgehen, "
                "Ergebnisse und Erfolgsfaktoren.",
                "Ein Steckbrief nennt Region, Bundesland, Branchen, Projektphase und Zeitraum. "
                "Über Filter lassen sich Beispiele gezielt nach Branche, Bundesland und Phase "
                "auswählen.",
            ),
            info_box(
                "Illustrative Beispiele",
                "Die Beispiele wurden zur Veranschaulichung zusammengestellt. Sie verdichten "
                "typische Erfahrungen aus der Arbeit mit Kommunen und Unternehmen und sind "
                "entsprechend gekennzeichnet.",
            ),
        ],
    },
    {
        "slug": "website-ueberarbeitet",
        "title": "Website überarbeitet: barrierefrei und ohne Tracking",
        "date": "2026-11-16",
        "teaser": (
            "Die Website „Strategische Partnerschaften“ ist technisch erneuert worden: "
            "zugänglicher, schneller und ohne Dienste von Drittanbietern."
        ),
        "image": None,
        "tags": ["Website", "Barrierefreiheit"],
        "body": [
            paragraph(
                "Die Website „Strategische Partnerschaften“ hat ein neues technisches Fundament "
                "erhalten. Die Inhalte sind neu gegliedert, die Seiten lassen sich auf "
                "Smartphones, Tablets und großen Bildschirmen gleichermaßen gut lesen.",
            ),
            h2("Barrierefrei und datensparsam"),
            paragraph(
                "Bei der Überarbeitung wurde die Website an den Anforderungen der Web Content "
                "Accessibility Guidelines (WCAG 2.1, Stufe AA) ausgerichtet. Alle Funktionen "
                "sind mit der Tastatur bedienbar, Bilder haben Textalternativen, und die "
                "Seiten sind für Screenreader gegliedert.",
                "Die Website setzt für Besucherinnen und Besucher keine Cookies, verwendet "
                "keine Analyse- oder Trackingdienste und lädt keine Schriften, Skripte oder "
                "sonstigen Inhalte von fremden Servern. Einzelheiten finden Sie in der "
                "Datenschutzerklärung und in der Erklärung zur Barrierefreiheit.",
            ),
        ],
    },
]

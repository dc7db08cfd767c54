"""Section "Aktuelles": the index page and the news items (oldest first).

The item of 24.04.2007 is the client's text, word for word (see ``seed``); the others are our
own example items for the relaunch.
"""

from partnerships.initial_content import seed
from partnerships.initial_content.markup import h2, info_box, paragraph, quote, rich, ul

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
        "slug": "website-strategische-partnerschaften-online",
        "title": "Website „Strategische Partnerschaften“ online",
        "date": "2006-10-02",
        "teaser": (
            "Eine neue Website bündelt Konzepte, Informationen und Praxisbeispiele für eine "
            "clusterorientierte Wirtschaftsförderung auf kommunaler Ebene."
        ),
        "image": "netzwerk",
        "tags": ["Website", "Cluster", "Strategische Partnerschaft"],
        "body": [
            paragraph(
                "Ab sofort informiert die Website „Strategische Partnerschaften“ über das "
                "Konzept der strategischen Partnerschaft zwischen Unternehmen und Kommunen. Sie "
                "richtet sich an Wirtschaftsförderinnen und Wirtschaftsförderer, an "
                "Verantwortliche in Politik und Verwaltung und an Unternehmen, die sich für "
                "ihren Standort engagieren wollen.",
                "Die Website erläutert, warum sich die Regionalförderung zunehmend an Clustern "
                "ausrichtet, wie Kommunen ihre Schlüsselbranchen erkennen und wie sie "
                "gemeinsam mit den Unternehmen Strategien und Maßnahmen entwickeln können. "
                "Praxisbeispiele zeigen, wie das in unterschiedlichen Regionen gelingen kann.",
            ),
            h2("Was Sie auf der Website finden"),
            paragraph(
                ul(
                    "<b>Das Konzept:</b> Grundlagen, Vorgehen, Akteure und Erfolgsfaktoren",
                    "<b>Praxisbeispiele:</b> Partnerschaften in verschiedenen Branchen und "
                    "Regionen",
                    "<b>Aktuelles:</b> Tagungen, Veröffentlichungen und Neuigkeiten",
                )
            ),
            paragraph(
                "Die Inhalte werden laufend ergänzt. Hinweise auf weitere Beispiele aus der "
                "Praxis nimmt die Redaktion gern entgegen.",
            ),
        ],
    },
    {
        "slug": "forschungsprojekt-strategische-partnerschaften",
        "title": "Hintergrund: Was Kommunen von strategischen Allianzen lernen können",
        "date": "2006-11-20",
        "teaser": (
            "Das Konzept der strategischen Partnerschaft überträgt eine bewährte Form der "
            "Zusammenarbeit zwischen Unternehmen auf die kommunale Wirtschaftsförderung."
        ),
        "image": None,
        "tags": ["Forschungsprojekt", "Strategische Partnerschaft"],
        "body": [
            paragraph(
                "Strategische Allianzen sind in der Wirtschaft ein verbreitetes Instrument: "
                "Unternehmen arbeiten langfristig zusammen, um Märkte zu erschließen, "
                "Technologien zu entwickeln oder Kosten zu teilen – und bleiben dabei "
                "selbständig. Im Rahmen eines Forschungsprojekts des Bundesministeriums für "
                "Wirtschaft und Arbeit (BMWA) hat Rambøll Management untersucht, wie sich diese "
                "Idee auf die Zusammenarbeit zwischen Unternehmen und Kommunen übertragen "
                "lässt.",
            ),
            h2("Die zentrale Frage"),
            paragraph(
                "Kommunale Wirtschaftsförderung versteht sich traditionell als Dienstleister "
                "für Unternehmen. Das Konzept der strategischen Partnerschaft geht einen "
                "Schritt weiter: Kommune und Unternehmen einer Schlüsselbranche vereinbaren "
                "gemeinsame Ziele und leisten eigene Beiträge, um sie zu erreichen. Damit "
                "entsteht ein Instrument, mit dem Clusterstrategien vor Ort entwickelt und "
                "umgesetzt werden können.",
            ),
            info_box(
                "Die Bausteine des Konzepts",
                ul(
                    "Analyse der Schlüsselbranchen und ihrer Bedarfe",
                    "gemeinsame Strategieentwicklung mit den Unternehmen",
                    "verbindliche Vereinbarung über Ziele, Beiträge und Zuständigkeiten",
                    "Umsetzung in Arbeitsgruppen mit professioneller Koordination",
                    "Verstetigung und regelmäßige Überprüfung",
                ),
            ),
            paragraph(
                "Ausführliche Informationen zu den einzelnen Bausteinen finden Sie im Bereich "
                "„Das Konzept“ dieser Website.",
            ),
        ],
    },
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
        "slug": "leitfaden-vier-phasen",
        "title": "In vier Phasen zur strategischen Partnerschaft",
        "date": "2008-02-11",
        "teaser": (
            "Der Bereich „Das Konzept“ beschreibt jetzt ausführlich, wie eine strategische "
            "Partnerschaft von der Analyse bis zur Verstetigung aufgebaut wird."
        ),
        "image": "phasen",
        "tags": ["Leitfaden", "Strategische Partnerschaft"],
        "body": [
            paragraph(
                "Viele Kommunen, die eine clusterorientierte Wirtschaftsförderung aufbauen "
                "wollen, stellen dieselbe Frage: Wie fangen wir an? Die Website beschreibt das "
                "Vorgehen deshalb nun Schritt für Schritt in vier Phasen – Analyse, "
                "Strategieentwicklung, Umsetzung und Verstetigung.",
                "Zu jeder Phase werden Leitfragen, typische Ergebnisse und der ungefähre "
                "Zeitbedarf genannt. Ergänzend erläutert eine eigene Seite, welche Akteure an "
                "einer Partnerschaft mitwirken und wie die Zusammenarbeit organisiert werden "
                "kann.",
            ),
            h2("Von der Analyse zur Verstetigung"),
            paragraph(
                "Besonderes Gewicht liegt auf den beiden Phasen, an denen Partnerschaften in "
                "der Praxis am häufigsten scheitern: auf der sorgfältigen Analyse der "
                "Schlüsselbranchen zu Beginn und auf der Verstetigung nach dem Ende einer "
                "Förderung. Für beide werden bewährte Instrumente vorgestellt, vom "
                "Standortquotienten bis zur Partnerschaftsvereinbarung.",
            ),
        ],
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
                "Schon 2007 diskutierten Wirtschaftsförderer auf einer Tagung in Oldenburg, "
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
            quote(
                "Fachkräfte entscheiden sich nicht nur für einen Arbeitgeber, sondern für eine "
                "Region. Deshalb ist Fachkräftesicherung eine gemeinsame Aufgabe von "
                "Unternehmen und Kommune.",
                "Redaktion „Strategische Partnerschaften“",
            ),
        ],
    },
    {
        "slug": "praxisbeispiele-neu-aufbereitet",
        "title": "Praxisbeispiele neu aufbereitet",
        "date": "2026-03-09",
        "teaser": (
            "Die Praxisbeispiele folgen jetzt einem einheitlichen Aufbau und lassen sich nach "
            "Branche, Bundesland und Projektphase filtern."
        ),
        "image": "muensterland",
        "tags": ["Praxisbeispiele", "Cluster"],
        "body": [
            paragraph(
                "Wie sieht eine strategische Partnerschaft in einer Gesundheitsregion aus, wie "
                "an einem Logistikstandort oder in einer Region mit starker "
                "Kunststoffverarbeitung? Die Praxisbeispiele beantworten diese Fragen jetzt in "
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

"""The client's own text, copied word for word from the seed file
(000_ef9608f91aaf94e3.txt). Do not edit the wording here: typos and quotation marks are the
client's. The site must not read the seed file at run time, hence these constants.
"""

WELCOME = 'Willkommen auf der Website "Strategische Partnerschaften"!'

INTRO = (
    "Regionalförderung wird zunehmend im Sinne eines „Stärken stärken“-Ansatzes auf Cluster "
    "ausgerichtet. Dies gilt für die EU-Strukturfonds ebenso wie für Programme des Bundes und "
    "der Länder. Kommunen stehen daher vor der Herausforderung, ihre Wirtschaftsförderung "
    "clusterorientiert auszurichten. Schlüsselbranchen müssen identifiziert und Strategien und "
    "Maßnahmen in Zusammenarbeit mit diesen Akteuren entwickelt werden, damit dieser Ansatz "
    "passgenau wirken kann. Auf dieser Website finden Sie Konzepte, Informationen und "
    "Praxisbeispiele für eine Clusterorientierte Wirtschaftsförderung auf kommunaler Ebene. "
    "Grundlage ist das Konzept der „Strategischen Partnerschaft zwischen Unternehmen und "
    "Kommunen“, das wir im Rahmen eines Forschungsprojektes des Bundesministeriums für "
    "Wirtschaft und Arbeit (BMWA) entwickelt haben. Ziel war es, die Idee der strategischen "
    "Partnerschaften zwischen Unternehmen auf Kommunen zu übertragen. Damit liegt ein "
    "Instrument für die Entwicklung und Umsetzung von Clusterstrategien unter Einbindung "
    "zentraler Akteure vor Ort vor. Nachfolgend erhalten Sie Informationen zu dem Konzept sowie "
    "zu Projektbeispielen."
)

CLOSING = "Eine interessante Lektüre wünscht"

SIGNATURE = "Rambøll Management"

# The intro field of the home page: welcome sentence, the text, the closing line. The
# signature is a field of its own and rendered by the template after the intro.
HOME_INTRO_HTML = f"<p>{WELCOME}</p><p>{INTRO}</p><p>{CLOSING}</p>"

NEWS_2007_DATE = "2007-04-24"

NEWS_2007_TITLE = "Wirtschaftsförderer diskutieren Herausforderungen für den ländlichen Raum"

NEWS_2007_TEXT = (
    "Rambøll Management hat zusammen mit dem DVAG eine Tagung zum Thema „Wirtschaftsförderung "
    "im ländlichen Raum“ am 21. und 22.04.2007 in Oldenburg organisiert. Experten aus "
    "Wissenschaft und Praxis diskutierten Herausforderungen für den ländlichen Raum. Deutlich "
    "wurde, dass es ebenso wenig, wie es den ländlichen Raum gibt, sondern eine Vielfalt von "
    "Teilräumen, die Zukunft nicht alleine in Tourismus und Landwirtschaft zu suchen ist. "
    "Besonders deutlich ist dies am Beispiel des Oldenburger Münsterlandes geworden, in dem "
    "sich ausgehend von der Landwirtschaft eine international wettbewerbsfähige "
    "Ernährungswirtschaft mit Weltmarktführern auch im Spezialmaschinenbau etabliert hat. "
    "Zudem wurde diskutiert, dass die Wirtschaftsförderung im ländlichen Raum die Vernetzung "
    "von Unternehmen über Branchengrenzen hinaus entlang von Querschnittsthemen, z.B. "
    "Verfügbarkeit von Fachkräften oder gemeinsame technologische Fragestellungen, fördern "
    "sollte. Eine Exkursion ins Oldenburger Land runden die Tagung ab."
)

# Its first sentence, used as the teaser.
NEWS_2007_TEASER = (
    "Rambøll Management hat zusammen mit dem DVAG eine Tagung zum Thema „Wirtschaftsförderung "
    "im ländlichen Raum“ am 21. und 22.04.2007 in Oldenburg organisiert."
)

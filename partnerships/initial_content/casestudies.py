"""Section "Praxisbeispiele": snippets (Branchen, Projektphasen), the index page and the case
studies.

The case studies are illustrative examples written for this site: they show how the concept
can be applied in typical regional settings. Every one is marked ``is_illustrative`` so that
its page says so. Partners are described generically, not as named third parties.
"""

from partnerships.initial_content.markup import rich, ul

BRANCHEN = [
    {
        "slug": "ernaehrungswirtschaft",
        "name": "Ernährungswirtschaft",
        "description": "Herstellung und Verarbeitung von Lebensmitteln, von der Erzeugung bis "
        "zur Verpackung, einschließlich vor- und nachgelagerter Dienstleistungen.",
    },
    {
        "slug": "spezialmaschinenbau",
        "name": "Spezialmaschinenbau",
        "description": "Sondermaschinen und Anlagen für einzelne Anwendungen, etwa Stall-, "
        "Fütterungs-, Verarbeitungs- und Verpackungstechnik.",
    },
    {
        "slug": "logistik",
        "name": "Logistik",
        "description": "Transport, Umschlag und Lagerung von Gütern sowie Kontraktlogistik "
        "und logistiknahe Dienstleistungen.",
    },
    {
        "slug": "chemische-industrie",
        "name": "Chemische Industrie",
        "description": "Grundstoff- und Spezialchemie, Chemieparks und die mit ihnen "
        "verbundenen Dienstleister.",
    },
    {
        "slug": "gesundheitswirtschaft",
        "name": "Gesundheitswirtschaft",
        "description": "Kliniken, Rehabilitation, Pflege, Medizintechnik und "
        "gesundheitsbezogene Dienstleistungen.",
    },
    {
        "slug": "tourismus",
        "name": "Tourismus",
        "description": "Beherbergung, Gastronomie, Freizeitangebote und touristische "
        "Infrastruktur.",
    },
    {
        "slug": "kunststofftechnik",
        "name": "Kunststofftechnik",
        "description": "Kunststoffverarbeitung, Werkzeug- und Formenbau sowie Recycling von "
        "Kunststoffen.",
    },
    {
        "slug": "metallverarbeitung",
        "name": "Metallverarbeitung",
        "description": "Umformung, Zerspanung und Oberflächentechnik, häufig als Zulieferer "
        "für Fahrzeug- und Maschinenbau.",
    },
    {
        "slug": "holzwirtschaft",
        "name": "Holzwirtschaft",
        "description": "Forstbetriebe, Sägewerke, Holzbau, Möbel- und Holzwerkstoffindustrie "
        "sowie die stoffliche und energetische Nutzung von Holz.",
    },
    {
        "slug": "fahrzeugbau",
        "name": "Fahrzeugbau",
        "description": "Hersteller von Fahrzeugen und Fahrzeugteilen, Zulieferer für Antrieb, "
        "Fahrwerk, Karosserie und Elektronik sowie Entwicklungsdienstleister.",
    },
    {
        "slug": "erneuerbare-energien",
        "name": "Erneuerbare Energien",
        "description": "Wind- und Solarenergie, Bioenergie, Speicher und Wasserstoff sowie "
        "Planung, Bau, Betrieb und Wartung der Anlagen.",
    },
]

PROJEKTPHASEN = [
    {"slug": "analyse", "name": "Analyse", "sort_order": 10},
    {"slug": "strategieentwicklung", "name": "Strategieentwicklung", "sort_order": 20},
    {"slug": "umsetzung", "name": "Umsetzung", "sort_order": 30},
    {"slug": "verstetigung", "name": "Verstetigung", "sort_order": 40},
]

CASE_STUDY_INDEX = {
    "slug": "praxisbeispiele",
    "title": "Praxisbeispiele",
    "teaser": (
        "Wie strategische Partnerschaften in unterschiedlichen Regionen und Branchen aussehen "
        "können – vom ländlichen Raum bis zur Industrieregion."
    ),
    "listing_image": "muensterland",
    "intro": rich(
        "Die Praxisbeispiele zeigen, wie Kommunen und Unternehmen das Konzept der strategischen "
        "Partnerschaft in ganz unterschiedlichen Ausgangslagen anwenden können: in einer "
        "ländlichen Region mit starker Ernährungswirtschaft ebenso wie an einem "
        "Logistikstandort, in einer Gesundheitsregion, in mittelständischen Industrieregionen "
        "im Westen und im Osten, in einer waldreichen Region im Süden oder an der Küste mit "
        "ihren erneuerbaren Energien.",
        "Jedes Beispiel folgt demselben Aufbau: Ausgangslage, Ziele, Vorgehen, Ergebnisse und "
        "Erfolgsfaktoren. Die Beispiele wurden zur Veranschaulichung zusammengestellt; sie "
        "verdichten typische Erfahrungen und sind nicht die Darstellung eines einzelnen "
        "Projekts. Über die Filter finden Sie Beispiele nach Branche, Bundesland und "
        "Projektphase.",
    ),
}

# The contact person every case study names (an „Ansprechpartner“ snippet, found again by
# name and e-mail address).
CONTACT = {
    "name": "Projektteam „Strategische Partnerschaften“",
    "role": "Fragen zu diesem Beispiel",
    "organisation": "Rambøll Management Consulting GmbH",
    "email": "kontakt@strategische-partnerschaften.de",
    "phone": "",
}

OLDENBURGER_MUENSTERLAND = {
    "slug": "oldenburger-muensterland",
    "title": "Oldenburger Münsterland: Ernährungswirtschaft und Spezialmaschinenbau",
    "teaser": (
        "So könnte eine strategische Partnerschaft im Oldenburger Münsterland aussehen: "
        "Kommunen und Unternehmen der Ernährungswirtschaft und des Spezialmaschinenbaus "
        "arbeiten gemeinsam an Fachkräften, Innovation und einem starken Standortprofil."
    ),
    "kommune": "Oldenburger Münsterland (Beispielregion)",
    "bundesland": "niedersachsen",
    "branchen": ["ernaehrungswirtschaft", "spezialmaschinenbau"],
    "phase": "verstetigung",
    "year_from": 2019,
    "year_to": None,
    "hero_image": "muensterland",
    # A scenario: the region and its economic profile are real (both from the client's news
    # item of 24.04.2007), the partnership is not. No act is credited to a named Landkreis,
    # Gemeinde, Hochschule or firm; the text is in the present tense of the scenario.
    "ausgangslage": rich(
        "Auf der Tagung „Wirtschaftsförderung im ländlichen Raum“ 2007 in Oldenburg wurde das "
        "Oldenburger Münsterland als Beispiel dafür genannt, dass die Zukunft ländlicher Räume "
        "nicht allein in Landwirtschaft und Tourismus liegt: Ausgehend von der Landwirtschaft "
        "hat sich hier eine international wettbewerbsfähige Ernährungswirtschaft entwickelt, "
        "mit Weltmarktführern auch im Spezialmaschinenbau. Dieses Beispiel zeigt, wie eine "
        "strategische Partnerschaft in einer solchen Region aussehen könnte.",
        "Im Szenario kennen sich die Unternehmen gut, arbeiten aber meist nur bilateral "
        "zusammen. Die Kommunen der Region betreiben ihre Wirtschaftsförderung jeweils mit "
        "eigenen Schwerpunkten. Zugleich zeichnen sich gemeinsame Herausforderungen ab: ein "
        "wachsender Bedarf an Fachkräften, insbesondere in technischen Berufen, ein Bild der "
        "Region, das ihre industrielle Stärke kaum widerspiegelt, und steigende Anforderungen "
        "an Umwelt- und Tierschutz, die neue technische Lösungen verlangen.",
    ),
    "ziele": rich(
        "Die Partner verständigen sich auf drei übergeordnete Ziele:",
        ul(
            "die Fachkräftebasis der Ernährungswirtschaft und des Spezialmaschinenbaus "
            "langfristig zu sichern,",
            "den Austausch zwischen Lebensmittelherstellern und Maschinenbauern für gemeinsame "
            "Innovationen zu nutzen,",
            "das Oldenburger Münsterland als leistungsfähigen Industriestandort bekannter zu "
            "machen.",
        ),
        "Die Partnerschaft arbeitet ausdrücklich über Kreis- und Gemeindegrenzen und über die "
        "Grenzen der beiden Branchen hinweg.",
    ),
    "vorgehen": rich(
        "In der Analyse werten die Partner Beschäftigungsdaten aus und führen rund vierzig "
        "Gespräche mit Geschäftsführungen, Kammern, berufsbildenden Schulen und Hochschulen. "
        "Dabei zeigt sich, dass Fachkräfte und technologische Fragestellungen beide Branchen "
        "gleichermaßen beschäftigen.",
        "In der Strategieentwicklung erarbeiten sie in zwei Workshops ein gemeinsames Leitbild "
        "und drei Handlungsfelder: Fachkräfte und Ausbildung, Technologie und Innovation sowie "
        "Standortprofil. Eine Partnerschaftsvereinbarung hält Ziele, Beiträge und "
        "Zuständigkeiten fest; die Verwaltungsspitzen der beteiligten Kommunen und "
        "Vertreterinnen und Vertreter der Unternehmen unterzeichnen sie gemeinsam. In der "
        "Umsetzung leitet für jedes Handlungsfeld ein Unternehmen eine Arbeitsgruppe; eine "
        "Koordinierungsstelle, die die Wirtschaftsförderungen gemeinsam tragen, unterstützt "
        "die Arbeitsgruppen.",
    ),
    "ergebnisse": rich(
        "Typische Ergebnisse einer solchen Partnerschaft:",
        ul(
            "Ein gemeinsamer Ausbildungsatlas stellt die technischen Ausbildungsberufe beider "
            "Branchen vor; die Partner bieten ihn den weiterführenden Schulen der Region an.",
            "Betriebe bilden im Verbund aus: Kleinere Unternehmen können so Berufe anbieten, "
            "für die sie allein nicht alle Inhalte abdecken.",
            "Regelmäßige Technologietage bringen Lebensmittelhersteller, Maschinenbauer und "
            "Forschung zusammen und sind Ausgangspunkt gemeinsamer Entwicklungsprojekte.",
            "Ein gemeinsamer Auftritt auf Fach- und Ausbildungsmessen zeigt die Region als "
            "Standort von Spitzentechnik.",
        ),
        "In der Verstetigung, nach dem Ende der geförderten Startphase, tragen Beiträge der "
        "Unternehmen und der beteiligten Kommunen die Partnerschaft. Eine jährliche Bilanz "
        "mit allen Partnern zeigt, was erreicht ist, und setzt neue Schwerpunkte.",
    ),
    "erfolgsfaktoren": rich(
        "Entscheidend ist das Engagement der Unternehmen: Geschäftsführerinnen und "
        "Geschäftsführer leiten die Arbeitsgruppen und werben selbst um weitere Mitglieder. "
        "Die Kommunen treten nicht als Konkurrenten auf, sondern als gemeinsame Partner. Der "
        "Blick über Branchengrenzen hinweg – entlang von Querschnittsthemen wie Fachkräften "
        "und Technologie – macht die Partnerschaft für beide Branchen attraktiv.",
    ),
    "partners": [
        ("Wirtschaftsförderungen der Landkreise und Gemeinden der Region", "kommune"),
        ("Unternehmen der Ernährungswirtschaft der Region", "unternehmen"),
        ("Hersteller von Stall-, Fütterungs- und Verarbeitungstechnik", "unternehmen"),
        (
            "Hochschule der Region mit agrar- und ernährungswissenschaftlichem Profil",
            "wissenschaft",
        ),
        ("Kammern und berufsbildende Schulen der Region", "kammer"),
    ],
    "concepts": [
        "clusterorientierte-wirtschaftsfoerderung",
        "strategische-partnerschaft",
        "erfolgsfaktoren",
    ],
}

ELBE_LOGISTIK = {
    "slug": "logistikstandort-an-der-elbe",
    "title": "Logistikstandort an der Elbe: Hafen, Chemie und Kontraktlogistik",
    "teaser": (
        "Eine Mittelstadt an der Elbe entwickelt gemeinsam mit Logistikunternehmen und dem "
        "benachbarten Chemiestandort eine Partnerschaft für Flächen, Fachkräfte und "
        "trimodale Verkehre."
    ),
    "kommune": "Mittelstadt an der Elbe mit Umlandgemeinden (Beispielregion)",
    "bundesland": "sachsen-anhalt",
    "branchen": ["logistik", "chemische-industrie"],
    "phase": "umsetzung",
    "year_from": 2019,
    "year_to": None,
    "hero_image": "logistik",
    "ausgangslage": rich(
        "Die Stadt verfügt über einen Binnenhafen, einen Autobahnanschluss und eine "
        "Bahnanbindung – und liegt in der Nähe eines großen Chemiestandorts. Über die Jahre "
        "haben sich zahlreiche Logistikunternehmen angesiedelt, vom "
        "Speditionsbetrieb bis zum Dienstleister für Gefahrgut- und Kontraktlogistik.",
        "Das Wachstum brachte Konflikte mit sich: Gewerbeflächen wurden knapp, "
        "Lkw-Verkehre belasteten Ortsdurchfahrten, und die Unternehmen warben sich "
        "gegenseitig Berufskraftfahrerinnen und Berufskraftfahrer sowie Fachkräfte für "
        "Lagerlogistik ab. Die Stadt und ihre "
        "Nachbargemeinden konkurrierten um Ansiedlungen, ohne eine gemeinsame Vorstellung "
        "davon zu haben, welche Logistik zum Standort passt.",
    ),
    "ziele": rich(
        ul(
            "Flächen gemeinsam und mit Vorrang für Unternehmen mit hoher Wertschöpfung und "
            "Bezug zum Chemiestandort entwickeln,",
            "mehr Güter auf Schiene und Wasserstraße verlagern,",
            "Ausbildung und Gewinnung von Fachkräften gemeinsam organisieren,",
            "die Akzeptanz der Logistik in der Bevölkerung verbessern.",
        ),
    ),
    "vorgehen": rich(
        "Ausgangspunkt war eine Flächen- und Verkehrsanalyse, die die Stadt gemeinsam mit "
        "zwei Nachbargemeinden in Auftrag gab. Parallel führte die Wirtschaftsförderung "
        "Gespräche mit allen größeren Logistikbetrieben und dem Betreiber des Chemiestandorts.",
        "Auf dieser Grundlage gründeten die Partner einen Logistikkreis mit einem Lenkungskreis "
        "und zwei Arbeitsgruppen: Flächen und Verkehr sowie Fachkräfte. Die Kommunen "
        "vereinbarten Kriterien für Ansiedlungen und verpflichteten sich, neue Flächen nur noch "
        "gemeinsam zu vermarkten. Die Unternehmen sagten zu, sich an einem gemeinsamen "
        "Ausbildungszentrum und an einem Mobilitätskonzept für ihre Beschäftigten zu "
        "beteiligen.",
    ),
    "ergebnisse": rich(
        "Ein gemeinsames Flächenmanagement der drei Kommunen ist eingerichtet, "
        "Ansiedlungsanfragen werden nach abgestimmten Kriterien bewertet. Ein Förderantrag für "
        "den Ausbau des Hafengleises wurde mit Unterstützung der Unternehmen gestellt.",
        "Die Betriebe haben eine gemeinsame Ausbildungsinitiative gestartet, die "
        "Schulpraktika, eine Ausbildungsbörse und Fahrschulkooperationen für den Nachwuchs "
        "im Berufskraftverkehr bündelt. Ein Werksbus verbindet die Gewerbegebiete in den "
        "Schichtzeiten mit dem Bahnhof.",
    ),
    "erfolgsfaktoren": rich(
        "Der Durchbruch gelang, als die Kommunen die Konkurrenz um Ansiedlungen durch "
        "gemeinsame Kriterien ersetzten. Für die Unternehmen war wichtig, dass ihre Engpässe – "
        "Fachkräfte und Verkehrsanbindung – ernst genommen wurden. Die Einbindung des "
        "Chemiestandorts gab der Partnerschaft ein klares Profil.",
    ),
    "partners": [
        ("Stadtverwaltung – Wirtschaftsförderung und Stadtplanung", "kommune"),
        ("Zwei Umlandgemeinden", "kommune"),
        (
            "Logistikunternehmen am Standort (Spedition, Lager- und Gefahrgutlogistik)",
            "unternehmen",
        ),
        ("Betreibergesellschaft des benachbarten Chemiestandorts", "unternehmen"),
        ("Industrie- und Handelskammer der Region", "kammer"),
    ],
    "concepts": ["strategische-partnerschaft", "akteure-und-rollen"],
}

OSTSEE_GESUNDHEIT = {
    "slug": "gesundheitsregion-an-der-ostsee",
    "title": "Gesundheitsregion an der Ostsee: Kliniken, Kurorte und Tourismus",
    "teaser": (
        "Ein Landkreis an der Ostseeküste verbindet Gesundheitswirtschaft und Tourismus zu "
        "einem gemeinsamen Profil – mit Partnern aus Kliniken, Hotellerie und Wissenschaft."
    ),
    "kommune": "Landkreis an der Ostseeküste (Beispielregion)",
    "bundesland": "mecklenburg-vorpommern",
    "branchen": ["gesundheitswirtschaft", "tourismus"],
    "phase": "umsetzung",
    "year_from": 2021,
    "year_to": None,
    "hero_image": "gesundheit",
    "ausgangslage": rich(
        "Der Landkreis ist stark vom Tourismus geprägt. Zugleich gibt es mehrere Kliniken, "
        "Rehabilitationseinrichtungen und anerkannte Kurorte. Beide Bereiche gehören zu den "
        "größten Arbeitgebern der Region, arbeiteten aber kaum zusammen.",
        "Die Hotellerie litt unter der kurzen Saison, die Kliniken unter dem Mangel an Pflege- "
        "und Therapiefachkräften. Angebote für Gäste mit gesundheitlichen Anliegen außerhalb "
        "der Hauptsaison gab es nur vereinzelt.",
    ),
    "ziele": rich(
        ul(
            "gemeinsame Angebote von Gesundheitseinrichtungen und Tourismusbetrieben "
            "entwickeln, insbesondere für die Vor- und Nachsaison,",
            "Fachkräfte für Pflege, Therapie und Gastgewerbe gemeinsam gewinnen und halten,",
            "die Region als Gesundheitsstandort bekannt machen.",
        ),
    ),
    "vorgehen": rich(
        "Die Wirtschaftsförderung des Landkreises lud Kliniken, Rehabilitationseinrichtungen, "
        "Kurverwaltungen und Hotelbetriebe zu einer Auftaktveranstaltung ein. Eine Befragung "
        "der Einrichtungen ergab, dass Fachkräftegewinnung und Saisonverlängerung von fast "
        "allen als wichtigste Themen genannt wurden.",
        "Die Partner bildeten zwei Arbeitsgruppen: Gesundheitstourismus und Fachkräfte. Eine "
        "Hochschule der Region begleitet die Entwicklung neuer Angebote wissenschaftlich. Die "
        "Partnerschaft ist beim Landkreis angesiedelt, der eine Koordinierungsstelle "
        "eingerichtet hat.",
    ),
    "ergebnisse": rich(
        "Erste Pauschalangebote verbinden Aufenthalte in Hotels mit präventiven "
        "Gesundheitskursen und Therapieangeboten der Kliniken. Ein gemeinsames Portal stellt "
        "Stellenangebote aus Gesundheitswesen und Gastgewerbe vor und wirbt mit der "
        "Lebensqualität an der Küste.",
        "Ein Programm für Paare und Familien, bei dem eine Person in einer Klinik und die "
        "andere in einem Hotel eine Stelle findet, befindet sich im Aufbau.",
    ),
    "erfolgsfaktoren": rich(
        "Die Partnerschaft profitierte davon, dass beide Branchen ein gemeinsames Problem – "
        "den Fachkräftemangel – hatten und schnell erkannten, dass sie es gemeinsam besser "
        "lösen können. Die wissenschaftliche Begleitung schuf Vertrauen bei den Kliniken, die "
        "Saisonverlängerung überzeugte die Hotellerie.",
    ),
    "partners": [
        ("Landkreis – Wirtschaftsförderung und Tourismusreferat", "kommune"),
        ("Kliniken und Rehabilitationseinrichtungen der Region", "unternehmen"),
        ("Hotel- und Gastgewerbebetriebe", "unternehmen"),
        ("Kurverwaltungen der Seebäder", "kommune"),
        ("Hochschule der Region (Gesundheitswissenschaften)", "wissenschaft"),
    ],
    "concepts": ["clusterorientierte-wirtschaftsfoerderung", "akteure-und-rollen"],
}

SUEDWESTFALEN_KUNSTSTOFF = {
    "slug": "kunststoffverarbeitung-in-suedwestfalen",
    "title": "Kunststoffverarbeitung in Südwestfalen: Fachkräfte und Kreislaufwirtschaft",
    "teaser": (
        "Eine Mittelstadt und die mittelständischen Kunststoffverarbeiter der Region "
        "entwickeln eine Strategie für Fachkräfte, Recycling und neue Werkstoffe."
    ),
    "kommune": "Mittelstadt in Südwestfalen (Beispielregion)",
    "bundesland": "nordrhein-westfalen",
    "branchen": ["kunststofftechnik", "metallverarbeitung"],
    "phase": "strategieentwicklung",
    "year_from": 2024,
    "year_to": None,
    "hero_image": "kunststoff",
    "ausgangslage": rich(
        "In der Stadt und ihrem Umland sind zahlreiche inhabergeführte Unternehmen der "
        "Kunststoffverarbeitung sowie des Werkzeug- und Formenbaus ansässig, viele davon "
        "Zulieferer der Fahrzeug-, Elektro- und Bauindustrie. Die Betriebe sind technisch "
        "stark, stehen aber vor großen Umbrüchen.",
        "Strengere Vorgaben zu Recycling und Rezyklatanteilen, hohe Energiekosten und der "
        "Wandel in der Automobilindustrie verändern die Nachfrage. Gleichzeitig erreichen "
        "viele erfahrene Beschäftigte das Rentenalter, und die Suche nach "
        "Verfahrensmechanikerinnen und Verfahrensmechanikern wird schwieriger.",
    ),
    "ziele": rich(
        ul(
            "eine gemeinsame Strategie für Kreislaufwirtschaft und Rezyklateinsatz entwickeln,",
            "Nachwuchs sowie Quereinsteigerinnen und Quereinsteiger für die Berufe der "
            "Kunststoff- und Metalltechnik gewinnen,",
            "Kooperationen mit Hochschulen und Forschungseinrichtungen ausbauen.",
        ),
    ),
    "vorgehen": rich(
        "Die Analyse zeigte eine deutliche Spezialisierung der Region in der "
        "Kunststoffverarbeitung. In Interviews mit rund dreißig Unternehmen wurden "
        "Kreislaufwirtschaft und Fachkräfte als dringlichste Themen genannt.",
        "In der Strategieentwicklung erarbeiten die Partner in einer Workshopreihe ihr "
        "Leitbild und einen Maßnahmenplan. Zwei Arbeitsgruppen bereiten erste Projekte vor: "
        "einen gemeinsamen Rezyklat-Pool mehrerer Betriebe und eine Kampagne für technische "
        "Ausbildungsberufe. Am Ende der Phase soll eine Partnerschaftsvereinbarung stehen, die "
        "Verwaltungsspitze und Unternehmen gemeinsam unterzeichnen.",
    ),
    "ergebnisse": rich(
        "Die Partnerschaft befindet sich in der Strategieentwicklung. Schon in dieser Phase "
        "hat sie zu "
        "einem regelmäßigen Austausch zwischen Unternehmen geführt, die zuvor kaum Kontakt "
        "hatten. Eine Hochschule der Region hat angeboten, ein Prüflabor für Rezyklate "
        "gemeinsam mit den Betrieben zu nutzen. Die Stadt prüft, wie sie die Unternehmen bei "
        "der Erweiterung ihrer Standorte schneller unterstützen kann.",
    ),
    "erfolgsfaktoren": rich(
        "Hilfreich ist, dass das Thema Kreislaufwirtschaft alle Betriebe betrifft und "
        "niemand es allein bewältigen kann. Die Einbindung der Metallverarbeiter erweitert den "
        "Kreis der Partner und öffnet den Blick für gemeinsame Fragen der Fachkräftesicherung.",
    ),
    "partners": [
        ("Stadt – Wirtschaftsförderung", "kommune"),
        ("Kunststoffverarbeitende Unternehmen der Region", "unternehmen"),
        ("Betriebe des Werkzeug- und Formenbaus", "unternehmen"),
        ("Fachhochschule der Region (Kunststofftechnik)", "wissenschaft"),
        ("Industrie- und Handelskammer sowie Arbeitgeberverband", "kammer"),
    ],
    "concepts": ["aufbau-und-umsetzung", "strategische-partnerschaft"],
}

WESTKUESTE_ENERGIE = {
    "slug": "energiewende-an-der-westkueste",
    "title": "Energiewende an der Westküste: Wertschöpfung aus Wind",
    "teaser": (
        "Gemeinden an der schleswig-holsteinischen Westküste untersuchen, wie mehr "
        "Wertschöpfung aus Windenergie und Wasserstoff in der Region bleiben kann."
    ),
    "kommune": "Amt mit Gemeinden an der Westküste (Beispielregion)",
    "bundesland": "schleswig-holstein",
    "branchen": ["erneuerbare-energien", "metallverarbeitung"],
    "phase": "analyse",
    "year_from": 2025,
    "year_to": None,
    "hero_image": "energie",
    "ausgangslage": rich(
        "An der Westküste wird seit Jahrzehnten Windstrom erzeugt; viele Anlagen gehören "
        "Bürgerwindparks. Der größte Teil der Wertschöpfung aus Planung, Herstellung und "
        "Wartung entsteht jedoch außerhalb der Region. Zugleich sind neue Vorhaben zur "
        "Erzeugung von Wasserstoff und zur Ansiedlung energieintensiver Industrie in "
        "Vorbereitung.",
        "Handwerksbetriebe und mittelständische Metallbaubetriebe sehen Chancen als Dienstleister "
        "für Service und Wartung, verfügen aber oft nicht über die nötigen Zertifizierungen "
        "und Fachkräfte.",
    ),
    "ziele": rich(
        "Die Gemeinden wollen gemeinsam mit den Unternehmen klären,",
        ul(
            "welche Teile der Wertschöpfungskette der erneuerbaren Energien in der Region "
            "gestärkt werden können,",
            "welche Qualifizierungen Betriebe und Beschäftigte dafür brauchen,",
            "welche Flächen und Infrastruktur für Service und neue Ansiedlungen nötig sind.",
        ),
    ),
    "vorgehen": rich(
        "Das Amt hat die Wirtschaftsförderung des Kreises und eine externe Begleitung mit der "
        "Analyse beauftragt. Ausgewertet werden Beschäftigungs- und Unternehmensdaten, die "
        "Planungen für neue Anlagen und die Ausbildungsangebote der Region. Im Laufe der "
        "Analyse folgen Gespräche mit den Betreibergesellschaften von Windparks, mit "
        "Handwerks- und Metallbaubetrieben, Berufsschulen und der Kreishandwerkerschaft.",
        "Eine Auftaktveranstaltung mit allen Gemeinden und Unternehmen hat die Analyse "
        "vorgestellt und erste Themen gesammelt.",
    ),
    "ergebnisse": rich(
        "Die Analyse läuft noch. Erste Zwischenergebnisse zeigen einen hohen Bedarf an "
        "Servicetechnikerinnen und Servicetechnikern und an Zertifizierungen für Arbeiten an "
        "Windenergieanlagen. Mehrere Betriebe haben Interesse an einer gemeinsamen "
        "Qualifizierungsinitiative bekundet. Auf dieser Grundlage soll nach Abschluss der "
        "Analyse die Strategieentwicklung beginnen.",
    ),
    "erfolgsfaktoren": rich(
        "Schon in der Analysephase zeigt sich, wie wichtig die frühe Beteiligung der "
        "Bürgerwindparks und des Handwerks ist: Sie kennen die Bedarfe vor Ort und genießen "
        "Vertrauen in den Gemeinden. Die Zusammenarbeit im Amt erleichtert es, Flächen und "
        "Infrastruktur gemeindeübergreifend zu planen.",
    ),
    "partners": [
        ("Amtsverwaltung und amtsangehörige Gemeinden", "kommune"),
        ("Wirtschaftsförderung des Kreises", "kommune"),
        ("Betreibergesellschaften von Bürgerwindparks", "unternehmen"),
        ("Handwerks- und Metallbaubetriebe der Region", "unternehmen"),
        ("Kreishandwerkerschaft und Berufsschule", "kammer"),
    ],
    "concepts": [
        "aufbau-und-umsetzung",
        "clusterorientierte-wirtschaftsfoerderung",
        "erfolgsfaktoren",
    ],
}

OSTBAYERN_HOLZ = {
    "slug": "holz-und-bioenergie-in-ostbayern",
    "title": "Holz und Bioenergie in Ostbayern: Wertschöpfung aus dem Wald",
    "teaser": (
        "Ein Landkreis im ostbayerischen Grenzraum und die Betriebe der Holzwirtschaft bauen "
        "eine Partnerschaft für Holzbau, Fachkräfte und Wärme aus der Region auf."
    ),
    "kommune": "Landkreis im ostbayerischen Grenzraum (Beispielregion)",
    "bundesland": "bayern",
    "branchen": ["holzwirtschaft", "erneuerbare-energien"],
    "phase": "umsetzung",
    "year_from": 2022,
    "year_to": None,
    "hero_image": "holz",
    "ausgangslage": rich(
        "Der Landkreis ist zu einem großen Teil bewaldet. Forstbetriebe, Sägewerke, "
        "Zimmereien, Holzbauunternehmen und Hersteller von Möbeln und Holzwerkstoffen gehören "
        "zu den wichtigsten Arbeitgebern der Region; viele von ihnen sind Familienbetriebe. "
        "Reste aus der Holzverarbeitung werden in Heizwerken und von Pelletherstellern genutzt.",
        "Die Betriebe stehen vor gemeinsamen Fragen: Der Umbau zu klimastabilen Mischwäldern "
        "verändert das Holzangebot, der Holzbau gewinnt im öffentlichen und privaten Bau an "
        "Bedeutung, und Nachwuchs für Zimmerei, Holztechnik und Forstwirtschaft ist schwer zu "
        "finden. Ein großer Teil der Wertschöpfung, etwa die Vorfertigung von Bauteilen, "
        "entsteht außerhalb der Region.",
    ),
    "ziele": rich(
        ul(
            "mehr Wertschöpfung aus dem Holz der Region vor Ort halten, insbesondere durch "
            "Vorfertigung im Holzbau,",
            "Fachkräfte für Forst, Holzbearbeitung und Holzbau gemeinsam ausbilden und gewinnen,",
            "Reststoffe aus der Holzverarbeitung für die Wärmeversorgung der Gemeinden nutzen,",
            "die Kommunen als Bauherrinnen für den Holzbau gewinnen.",
        ),
    ),
    "vorgehen": rich(
        "Am Anfang stand eine Analyse der Holzströme: woher das Holz kommt, wo es verarbeitet "
        "wird und wohin es geht. Die Wirtschaftsförderung des Landkreises führte dazu "
        "Gespräche mit rund fünfundzwanzig Betrieben, der Forstverwaltung, den Kammern und "
        "einer Hochschule mit Studiengängen im Holzbau.",
        "In der Strategieentwicklung vereinbarten Landkreis, Gemeinden und Unternehmen drei "
        "Handlungsfelder: Holzbau und Vorfertigung, Fachkräfte sowie Energie aus Holz. Eine "
        "Partnerschaftsvereinbarung regelt Beiträge und Zuständigkeiten. Die "
        "Koordinierungsstelle ist bei der Wirtschaftsförderung des Landkreises angesiedelt; "
        "jede Arbeitsgruppe wird von einer Unternehmerin oder einem Unternehmer geleitet.",
    ),
    "ergebnisse": rich(
        "Mehrere Zimmereien und ein Sägewerk haben eine gemeinsame Vorfertigung für Wand- und "
        "Deckenelemente aufgebaut. Gemeinden des Landkreises schreiben Kindergärten und "
        "Feuerwehrhäuser in Holzbauweise aus und nutzen dafür einen gemeinsam erarbeiteten "
        "Leitfaden.",
        "Eine Ausbildungsinitiative stellt die Berufe der Branche an Schulen vor und "
        "vermittelt Praktika in mehreren Betrieben. Zwei Nahwärmenetze, die mit Reststoffen "
        "aus der Holzverarbeitung betrieben werden sollen, sind in Planung.",
    ),
    "erfolgsfaktoren": rich(
        "Die Analyse der Holzströme machte sichtbar, wie viel Wertschöpfung der Region "
        "entgeht – das überzeugte auch zurückhaltende Betriebe. Dass die Gemeinden selbst als "
        "Bauherrinnen auftreten, gibt dem Holzbau eine verlässliche Nachfrage. Die Nähe von "
        "Forst, Handwerk und Verwaltung schafft Vertrauen: Viele Beteiligte kennen sich seit "
        "Jahren.",
    ),
    "partners": [
        ("Landratsamt – Wirtschaftsförderung und Klimaschutzmanagement", "kommune"),
        ("Gemeinden des Landkreises", "kommune"),
        ("Sägewerke, Zimmereien und Holzbauunternehmen der Region", "unternehmen"),
        ("Forstbetriebe und forstliche Zusammenschlüsse", "unternehmen"),
        ("Hochschule mit Studiengängen im Holzbau", "wissenschaft"),
        ("Handwerkskammer und Zimmererinnung", "kammer"),
    ],
    "concepts": [
        "clusterorientierte-wirtschaftsfoerderung",
        "akteure-und-rollen",
        "erfolgsfaktoren",
    ],
}

SUEDWESTSACHSEN_FAHRZEUGBAU = {
    "slug": "fahrzeugzulieferer-in-suedwestsachsen",
    "title": "Fahrzeugzulieferer in Südwestsachsen: gemeinsam durch den Wandel",
    "teaser": (
        "Eine Mittelstadt in Südwestsachsen und die Zulieferbetriebe der Region entwickeln "
        "eine gemeinsame Strategie für neue Produkte, Qualifizierung und Kooperation."
    ),
    "kommune": "Mittelstadt in Südwestsachsen mit Umlandgemeinden (Beispielregion)",
    "bundesland": "sachsen",
    "branchen": ["fahrzeugbau", "metallverarbeitung"],
    "phase": "strategieentwicklung",
    "year_from": 2025,
    "year_to": None,
    "hero_image": "fahrzeug",
    "ausgangslage": rich(
        "Die Stadt und ihr Umland sind seit Generationen vom Fahrzeugbau geprägt. Zahlreiche "
        "kleine und mittlere Zulieferbetriebe fertigen Teile für Motor, Getriebe, Fahrwerk "
        "und Karosserie, viele davon als Lohnfertiger ohne eigene Entwicklungsabteilung.",
        "Der Wechsel zu elektrischen Antrieben verändert die Nachfrage grundlegend: Teile für "
        "Verbrennungsmotoren werden weniger gebraucht, neue Anforderungen etwa an Leichtbau, "
        "Batteriegehäuse und Elektronik kommen hinzu. Gleichzeitig erreichen viele erfahrene "
        "Fachkräfte das Rentenalter, und junge Menschen verbinden die Branche eher mit "
        "Unsicherheit als mit Zukunft.",
    ),
    "ziele": rich(
        ul(
            "Zulieferbetriebe dabei unterstützen, neue Produkte und Märkte zu erschließen, "
            "auch außerhalb des Fahrzeugbaus,",
            "Beschäftigte gemeinsam für neue Technologien qualifizieren,",
            "Kooperationen zwischen Betrieben, Hochschulen und Forschungseinrichtungen anstoßen,",
            "den Standort als Region der Mobilitäts- und Fertigungstechnik sichtbar machen.",
        ),
    ),
    "vorgehen": rich(
        "Die Analyse wertete Beschäftigungs- und Unternehmensdaten aus und ordnete die "
        "Betriebe danach, wie stark sie von Teilen für Verbrennungsmotoren abhängen. In "
        "Gesprächen mit rund dreißig Unternehmen, den Kammern, der Agentur für Arbeit und "
        "einer Hochschule der Region wurden Qualifizierung und neue Geschäftsfelder als "
        "wichtigste Themen genannt.",
        "In der Strategieentwicklung erarbeiten die Partner in einer Workshopreihe ein "
        "Leitbild und einen Maßnahmenplan. Zwei Arbeitsgruppen bereiten erste Vorhaben vor: "
        "einen Qualifizierungsverbund mehrerer Betriebe und Werkstatttage, an denen "
        "Unternehmen ihre Fertigungskompetenzen für neue Anwendungen vorstellen. Am Ende der "
        "Phase soll eine Partnerschaftsvereinbarung stehen, die Verwaltungsspitze und "
        "Unternehmen gemeinsam unterzeichnen.",
    ),
    "ergebnisse": rich(
        "Die Partnerschaft befindet sich in der Strategieentwicklung. Schon in dieser Phase "
        "tauschen sich Betriebe aus, die zuvor vor allem nebeneinander für dieselben Abnehmer "
        "gearbeitet haben. Erste Unternehmen prüfen gemeinsame Angebote, etwa für Bauteile in "
        "der Medizin- und Energietechnik. Die Stadt hat eine feste Ansprechperson benannt, die "
        "die Betriebe bei Förderanträgen für Qualifizierung und Investitionen berät.",
    ),
    "erfolgsfaktoren": rich(
        "Hilfreich ist, dass der Wandel alle Betriebe betrifft und kein Betrieb ihn allein "
        "bewältigen kann. Die offene Analyse der Abhängigkeiten hat Vertrauen geschaffen, weil "
        "sie die Lage nüchtern beschreibt, ohne einzelne Unternehmen bloßzustellen. Die "
        "Einbindung der Kammern und der Agentur für Arbeit sorgt dafür, dass Qualifizierung "
        "und Förderprogramme von Anfang an mitgedacht werden.",
    ),
    "partners": [
        ("Stadt – Wirtschaftsförderung", "kommune"),
        ("Umlandgemeinden", "kommune"),
        ("Zulieferbetriebe des Fahrzeugbaus und der Metallverarbeitung", "unternehmen"),
        ("Hochschule der Region (Fahrzeug- und Produktionstechnik)", "wissenschaft"),
        ("Industrie- und Handelskammer und Handwerkskammer", "kammer"),
        ("Agentur für Arbeit", "sonstige"),
    ],
    "concepts": [
        "strategische-partnerschaft",
        "aufbau-und-umsetzung",
        "akteure-und-rollen",
    ],
}

CASE_STUDIES = [
    OLDENBURGER_MUENSTERLAND,
    ELBE_LOGISTIK,
    OSTSEE_GESUNDHEIT,
    SUEDWESTFALEN_KUNSTSTOFF,
    WESTKUESTE_ENERGIE,
    OSTBAYERN_HOLZ,
    SUEDWESTSACHSEN_FAHRZEUGBAU,
]

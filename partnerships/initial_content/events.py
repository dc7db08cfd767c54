"""Section "Veranstaltungen": the index page, the Tagung of April 2007 and example events.

The Tagung takes only facts from the client's news item of 24.04.2007 (title, dates, place,
partner, excursion); no times, speakers or addresses are given there, so none are invented.
The upcoming events are our own examples, marked "(Beispielveranstaltung)" in the title and
with an info box; their dates are computed once, relative to the day of the first load
(``weeks`` from that day), and never moved by a later run.
"""

from partnerships.initial_content.markup import info_box, paragraph, rich

EVENT_INDEX = {
    "slug": "veranstaltungen",
    "title": "Veranstaltungen",
    "teaser": (
        "Tagungen, Workshops und Online-Formate zur clusterorientierten Wirtschaftsförderung "
        "und zu strategischen Partnerschaften für Kommunen."
    ),
    "listing_image": "tagung",
    "intro": rich(
        "Hier finden Sie kommende und vergangene Veranstaltungen rund um die strategische "
        "Partnerschaft zwischen Kommunen und Unternehmen. Sie können die Liste nach Format, "
        "Bundesland und Branche filtern."
    ),
}

EXAMPLE_NOTE = info_box(
    "Beispielveranstaltung",
    "Diese Veranstaltung ist ein Beispiel, das den Aufbau einer Veranstaltungsseite zeigt. "
    "Sie findet nicht statt. Fragen zu Veranstaltungen richten Sie bitte über das "
    "Kontaktformular an uns.",
)

TAGUNG_2007 = {
    "slug": "tagung-wirtschaftsfoerderung-im-laendlichen-raum-2007",
    "title": "Tagung „Wirtschaftsförderung im ländlichen Raum“",
    "teaser": (
        "Tagung von Rambøll Management und DVAG am 21. und 22.04.2007 in Oldenburg, "
        "mit einer Exkursion ins Oldenburger Land."
    ),
    "listing_image": "tagung",
    "start_date": "2007-04-21",
    "end_date": "2007-04-22",
    "format": "praesenz",
    "locality": "Oldenburg",
    "bundesland": "niedersachsen",
    "organiser": "Rambøll Management",
    "partners": ["DVAG"],
    "themen": ["ernaehrungswirtschaft", "spezialmaschinenbau"],
    "body": [
        paragraph(
            "Rambøll Management hat zusammen mit dem DVAG eine Tagung zum Thema "
            "„Wirtschaftsförderung im ländlichen Raum“ in Oldenburg organisiert. Experten aus "
            "Wissenschaft und Praxis diskutierten Herausforderungen für den ländlichen Raum."
        ),
    ],
    # The seed gives no programme times: one day entry per day, the second with the excursion.
    "programme": [
        ("day", {"day": "2007-04-21", "title": "Tagung"}),
        ("day", {"day": "2007-04-22", "title": "Tagung und Exkursion ins Oldenburger Land"}),
    ],
    "news": ["wirtschaftsfoerderer-diskutieren-laendlichen-raum"],
    "concepts": [],
    "case_studies": ["oldenburger-muensterland"],
}

EXAMPLE_EVENTS = [
    {
        "slug": "online-seminar-clusterpotenziale-erkennen",
        "title": "Online-Seminar: Clusterpotenziale erkennen (Beispielveranstaltung)",
        "teaser": (
            "Wie Kommunen mit Beschäftigungs- und Unternehmensdaten die Stärken ihres "
            "Standorts ermitteln – ein Einstieg in die Analysephase."
        ),
        "listing_image": None,
        "weeks": 3,
        "weekday": 1,  # Tuesday
        "start_time": "10:00",
        "end_time": "11:30",
        "format": "online",
        "organiser": "Rambøll Management Consulting",
        "themen": ["metallverarbeitung", "logistik"],
        "programme": [
            ("item", {"time": "10:00", "title": "Begrüßung und Einführung", "speaker": ""}),
            (
                "item",
                {"time": "10:15", "title": "Datenquellen für die Standortanalyse", "speaker": ""},
            ),
            ("item", {"time": "11:00", "title": "Fragen und Austausch", "speaker": ""}),
        ],
        "concepts": ["clusterorientierte-wirtschaftsfoerderung"],
        "case_studies": [],
    },
    {
        "slug": "fachforum-partnerschaften-mit-unternehmen",
        "title": "Fachforum: Partnerschaften mit Unternehmen aufbauen (Beispielveranstaltung)",
        "teaser": (
            "Erfahrungen aus Kommunen, die gemeinsam mit Unternehmen eine strategische "
            "Partnerschaft gestartet haben – vor Ort in Hannover und online."
        ),
        "listing_image": None,
        "weeks": 6,
        "weekday": 3,  # Thursday
        "start_time": "13:00",
        "end_time": "17:00",
        "format": "hybrid",
        "locality": "Hannover",
        "bundesland": "niedersachsen",
        "organiser": "Rambøll Management Consulting",
        "themen": ["ernaehrungswirtschaft", "erneuerbare-energien"],
        "programme": [
            ("item", {"time": "13:00", "title": "Begrüßung", "speaker": ""}),
            (
                "item",
                {
                    "time": "13:30",
                    "title": "Vom Gespräch zur Vereinbarung: die vier Phasen einer Partnerschaft",
                    "speaker": "",
                },
            ),
            ("item", {"time": "15:00", "title": "Praxisberichte und Diskussion", "speaker": ""}),
            ("item", {"time": "16:30", "title": "Zusammenfassung", "speaker": ""}),
        ],
        "concepts": ["strategische-partnerschaft", "aufbau-und-umsetzung"],
        "case_studies": ["energiewende-an-der-westkueste"],
    },
    {
        "slug": "workshop-akteure-und-rollen-im-cluster",
        "title": "Workshop: Akteure und Rollen im Cluster (Beispielveranstaltung)",
        "teaser": (
            "Ein Arbeitstag für Wirtschaftsförderinnen und Wirtschaftsförderer: Wer übernimmt "
            "welche Aufgabe, wenn Kommune, Unternehmen und Wissenschaft zusammenarbeiten?"
        ),
        "listing_image": None,
        "weeks": 10,
        "weekday": 2,  # Wednesday
        "start_time": "09:30",
        "end_time": "16:00",
        "format": "praesenz",
        "locality": "Leipzig",
        "bundesland": "sachsen",
        "organiser": "Rambøll Management Consulting",
        "themen": ["kunststofftechnik", "metallverarbeitung"],
        "programme": [
            ("item", {"time": "09:30", "title": "Ankommen und Einführung", "speaker": ""}),
            ("item", {"time": "10:00", "title": "Arbeitsgruppen: Rollen klären", "speaker": ""}),
            (
                "item",
                {"time": "14:00", "title": "Erfolgsfaktoren und Stolpersteine", "speaker": ""},
            ),
        ],
        "concepts": ["akteure-und-rollen", "erfolgsfaktoren"],
        "case_studies": [
            "fahrzeugzulieferer-in-suedwestsachsen",
            "kunststoffverarbeitung-in-suedwestfalen",
        ],
    },
]

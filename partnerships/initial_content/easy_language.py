"""The first page in Leichte Sprache: what the site offers and how to use it. One statement
per line; sentences of at most 12 words; long words with the Mediopunkt (Netzwerk Leichte
Sprache rules: no Genitive, no Konjunktiv, numbers as digits)."""


def lines(*statements):
    return ("lines", "\n".join(statements))


def hard_word(word, *explanation):
    return ("hard_word", {"word": word, "explanation": "\n".join(explanation)})


LEICHTE_SPRACHE = {
    "slug": "leichte-sprache",
    "title": "Informationen in Leichter Sprache",
    "teaser": "Was es auf dieser Website gibt. Und wie Sie die Website benutzen.",
    "body": [
        ("heading", "Willkommen"),
        lines(
            "Diese Website heißt: Strategische Partnerschaften.",
            "Die Website ist von der Firma Rambøll Management Consulting.",
            "Die Firma hat ihren Sitz in Hamburg.",
            "Auf der Website geht es um Wirtschafts·förderung in Kommunen.",
        ),
        hard_word(
            "Kommune",
            "Eine Kommune ist eine Stadt oder eine Gemeinde.",
            "Auch ein Land·kreis ist eine Kommune.",
        ),
        hard_word(
            "Wirtschafts·förderung",
            "Die Kommune hilft den Firmen in ihrem Ort.",
            "Zum Beispiel bei der Suche nach Fach·kräften.",
            "Oder bei der Suche nach einem Grund·stück.",
            "Das nennt man: Wirtschafts·förderung.",
        ),
        ("heading", "Worum geht es?"),
        lines(
            "In einer Region gibt es oft viele Firmen aus einer Branche.",
            "Die Firmen arbeiten zusammen.",
            "Sie lernen voneinander.",
            "Das nennt man: Cluster.",
        ),
        hard_word(
            "Cluster",
            "Cluster spricht man so: Klaster.",
            "Ein Cluster ist eine Gruppe von Firmen aus einer Region.",
            "Die Firmen machen ähnliche Dinge.",
            "Sie arbeiten mit Hoch·schulen und Ämtern zusammen.",
        ),
        lines(
            "Firmen und Kommune können Partner werden.",
            "Dann arbeiten sie lange zusammen.",
            "Sie haben gemeinsame Ziele.",
            "Das nennt man: strategische Partnerschaft.",
        ),
        hard_word(
            "Partnerschaft",
            "Partner arbeiten zusammen.",
            "Jeder Partner hilft mit.",
            "Alle Partner haben etwas davon.",
        ),
        ("heading", "Was gibt es auf der Website?"),
        lines(
            "Die Website hat 4 Bereiche.",
            "Das Konzept: Hier steht, wie eine Partnerschaft funktioniert.",
            "Praxis·beispiele: Hier stehen Beispiele aus Regionen in Deutschland.",
            "Aktuelles: Hier stehen Nachrichten.",
            "Veranstaltungen: Hier stehen Termine für Treffen und Tagungen.",
        ),
        ("link", {"page": "konzept", "text": "Hier finden Sie das Konzept."}),
        ("link", {"page": "praxisbeispiele", "text": "Hier finden Sie die Praxis·beispiele."}),
        lines(
            "Sie können auch einen Newsletter bestellen.",
            "Dann bekommen Sie eine E-Mail bei neuen Nachrichten.",
        ),
        ("heading", "So benutzen Sie die Website"),
        lines(
            "Oben auf jeder Seite ist das Menü.",
            "Im Menü finden Sie alle Bereiche.",
            "Oben ist auch die Suche.",
            "Schreiben Sie ein Wort in das Such·feld.",
            "Dann klicken Sie auf: Suchen.",
            "Sie finden dann alle Seiten mit diesem Wort.",
        ),
        ("heading", "Die anderen Seiten"),
        lines(
            "Nur diese Seite ist in Leichter Sprache.",
            "Die anderen Seiten sind in schwerer Sprache.",
            "Sie sind für Fach·leute geschrieben.",
        ),
        ("heading", "Fragen?"),
        lines(
            "Sie haben eine Frage?",
            "Dann schreiben Sie uns.",
            "Dafür gibt es ein Kontakt·formular.",
            "Wir antworten Ihnen.",
        ),
        ("link", {"page": "kontakt", "text": "Hier geht es zum Kontakt·formular."}),
    ],
}

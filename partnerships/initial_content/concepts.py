"""Section "Das Konzept": the index page and the concept pages, in menu order."""

from partnerships.initial_content.markup import (
    h2,
    h3,
    image,
    info_box,
    merksatz,
    paragraph,
    rich,
    table,
    ul,
)

CONCEPT_INDEX = {
    "slug": "konzept",
    "title": "Das Konzept",
    "teaser": (
        "Die strategische Partnerschaft zwischen Unternehmen und Kommunen: Grundlagen, "
        "Vorgehen, Akteure und Erfolgsfaktoren einer clusterorientierten Wirtschaftsförderung."
    ),
    "listing_image": "netzwerk",
    "intro": rich(
        "Wie kann eine Kommune ihre Wirtschaftsförderung auf die Branchen ausrichten, die für "
        "ihre Region wirklich prägend sind? Und wie gelingt es, die Unternehmen dieser Branchen "
        "nicht nur zu befragen, sondern als Partner für eine gemeinsame Strategie zu gewinnen? "
        "Das Konzept der strategischen Partnerschaft gibt darauf eine praktische Antwort.",
        "Die Idee stammt aus der Unternehmenswelt: Dort schließen sich rechtlich selbständige "
        "Unternehmen zu langfristig angelegten Allianzen zusammen, um Ziele zu erreichen, die "
        "keines allein erreichen könnte. Übertragen auf die kommunale Ebene entsteht ein "
        "verbindliches Bündnis zwischen Kommune, Unternehmen einer Schlüsselbranche und "
        "weiteren Akteuren wie Hochschulen, Kammern und Bildungsträgern.",
        "Das Konzept besteht aus fünf Bausteinen: der clusterorientierten Wirtschaftsförderung "
        "als Ausgangspunkt, der strategischen Partnerschaft selbst, ihrem Aufbau in vier "
        "Phasen (Analyse, Strategieentwicklung, Umsetzung, Verstetigung), den Akteuren und "
        "ihren Rollen sowie den Erfolgsfaktoren. Die folgenden Seiten erläutern die Bausteine "
        "der Reihe nach. Praxisbeispiele zeigen, wie das Konzept in unterschiedlichen Regionen "
        "und Branchen angewendet werden kann.",
    ),
}

CLUSTER = {
    "slug": "clusterorientierte-wirtschaftsfoerderung",
    "title": "Clusterorientierte Wirtschaftsförderung: Stärken stärken",
    "teaser": (
        "Warum die Regionalförderung auf Cluster setzt und was der Ansatz „Stärken stärken“ "
        "für die Wirtschaftsförderung einer Stadt, einer Gemeinde oder eines Landkreises "
        "bedeutet."
    ),
    "listing_image": "netzwerk",
    "body": [
        h2("Vom Ausgleich zur Profilierung"),
        paragraph(
            "Über Jahrzehnte verfolgte die Regionalpolitik in Deutschland vor allem ein "
            "Ausgleichsziel: Strukturschwache Räume sollten mit Fördermitteln, Infrastruktur "
            "und Ansiedlungsanreizen an den Durchschnitt herangeführt werden. Die Mittel wurden "
            "dabei oft breit gestreut – jede Ansiedlung galt als Erfolg, gleich welcher Branche "
            "sie angehörte.",
            "Seit Ende der 1990er-Jahre hat sich der Blick verschoben. Regionen konkurrieren "
            "heute weltweit um Investitionen, Fachkräfte und Wissen. Erfolgreich sind vor allem "
            "jene, die ein unverwechselbares Profil besitzen und ihre vorhandenen Kompetenzen "
            "gezielt weiterentwickeln. Dieser Gedanke steckt hinter dem Leitmotiv „Stärken "
            "stärken“: Förderung soll dort ansetzen, wo bereits eine kritische Masse an "
            "Unternehmen, Know-how und Institutionen besteht.",
            "Die EU-Strukturfonds ebenso wie Programme des Bundes und der Länder richten sich "
            "deshalb zunehmend an Clustern aus. Für Kommunen bedeutet das: Wer die eigenen "
            "Schlüsselbranchen kennt und mit ihnen gemeinsam eine Strategie verfolgt, kann "
            "Fördermöglichkeiten gezielter nutzen und die eigene Wirtschaftsförderung "
            "wirksamer aufstellen.",
        ),
        h2("Was ist ein Cluster?"),
        paragraph(
            "Der Begriff wurde vor allem durch den US-amerikanischen Ökonomen Michael E. Porter "
            "geprägt. Ein Cluster ist eine räumliche Konzentration von Unternehmen einer "
            "Branche oder einer Wertschöpfungskette, zusammen mit spezialisierten Zulieferern, "
            "Dienstleistern, Forschungs- und Bildungseinrichtungen sowie Kammern, Verbänden "
            "und öffentlichen Stellen. Die Beteiligten stehen miteinander im Wettbewerb und "
            "arbeiten zugleich in vielen Fragen zusammen.",
        ),
        h3("Typische Merkmale"),
        paragraph(
            ul(
                "<b>Räumliche Nähe:</b> Die Unternehmen sind in einer Region konzentriert, "
                "Wege sind kurz, man kennt sich.",
                "<b>Kritische Masse:</b> Es gibt genügend Betriebe und Beschäftigte, damit "
                "sich spezialisierte Zulieferer, Dienstleister und Ausbildungsangebote lohnen.",
                "<b>Verflechtung:</b> Die Unternehmen sind über Liefer-, Kunden- und "
                "Wissensbeziehungen miteinander verbunden.",
                "<b>Gemeinsame Basis:</b> Ein spezialisierter Arbeitsmarkt, passende "
                "Ausbildungs- und Studiengänge und eine angepasste Infrastruktur.",
                "<b>Kooperation im Wettbewerb:</b> Wer am Markt konkurriert, kann bei "
                "Fachkräften, Forschung oder Standortmarketing trotzdem gemeinsame Interessen "
                "haben.",
            )
        ),
        h3("Cluster, Netzwerk, Clustermanagement"),
        paragraph(
            "Ein Cluster beschreibt zunächst eine wirtschaftliche Struktur. Ein Netzwerk "
            "dagegen ist eine organisierte Zusammenarbeit mit einem bestimmbaren Kreis von "
            "Mitgliedern. Clustermanagement schließlich bezeichnet die professionelle "
            "Koordination, die Netzwerke im Cluster anstößt und begleitet. Die strategische "
            "Partnerschaft ist ein Instrument, um ein vorhandenes Cluster gezielt zu "
            "aktivieren – mit der Kommune als verlässlichem Partner.",
        ),
        info_box(
            "Cluster lassen sich nicht verordnen",
            "Cluster entstehen über Jahrzehnte aus unternehmerischen Entscheidungen, aus "
            "Gründungen, Ausgründungen und dem Wissen der Beschäftigten. Eine Kommune kann sie "
            "nicht am Reißbrett entwerfen. Sie kann aber die Rahmenbedingungen verbessern, "
            "Akteure zusammenbringen und Engpässe gemeinsam mit den Unternehmen beseitigen.",
        ),
        h2("Warum die kommunale Ebene gefragt ist"),
        paragraph(
            "Clusterpolitik wird häufig mit Landes- oder Bundesprogrammen verbunden. Die "
            "Voraussetzungen für erfolgreiche Cluster entstehen jedoch vor Ort: bei der "
            "Bereitstellung von Gewerbeflächen, in Genehmigungsverfahren, bei der "
            "Verkehrsanbindung, in Schulen und Berufsschulen, bei der Wohnraumentwicklung für "
            "Fachkräfte und im täglichen Kontakt der Wirtschaftsförderung mit den Betrieben.",
            "Kommunen kennen die Unternehmen ihres Standorts, sie verfügen über "
            "Planungshoheit und genießen Vertrauen als neutrale Instanz. Zugleich sind ihre "
            "personellen und finanziellen Mittel begrenzt, und Cluster enden selten an der "
            "Gemeindegrenze. Clusterorientierte Wirtschaftsförderung ist deshalb fast immer "
            "auch interkommunale Zusammenarbeit.",
        ),
        h2("Was sich in der Wirtschaftsförderung ändert"),
        paragraph(
            "Eine clusterorientierte Wirtschaftsförderung ersetzt die klassischen Aufgaben "
            "nicht, sie gibt ihnen eine Richtung. Die Tabelle zeigt die wichtigsten "
            "Unterschiede.",
        ),
        table(
            "Klassische und clusterorientierte Wirtschaftsförderung im Vergleich",
            [
                ["Aufgabe", "Klassische Ausrichtung", "Clusterorientierte Ausrichtung"],
                [
                    "Blickwinkel",
                    "Einzelnes Unternehmen",
                    "Wertschöpfungskette und Branchenzusammenhang",
                ],
                [
                    "Ansiedlung",
                    "Jede Ansiedlung ist willkommen",
                    "Gezielte Ergänzung von Lücken in der Wertschöpfungskette",
                ],
                [
                    "Bestandspflege",
                    "Besuche und Hilfe im Einzelfall",
                    "Regelmäßiger Branchendialog und gemeinsame Projekte",
                ],
                [
                    "Fachkräfte",
                    "Allgemeine Standortwerbung",
                    "Gemeinsame Ausbildungs- und Qualifizierungsangebote der Branche",
                ],
                [
                    "Standortmarketing",
                    "Breit angelegte Imagewerbung",
                    "Profil mit den Stärken der Schlüsselbranchen",
                ],
                [
                    "Erfolgsmessung",
                    "Zahl der Ansiedlungen und Arbeitsplätze",
                    "Zusätzlich: Kooperationen, Innovationen, Fachkräftesicherung",
                ],
            ],
            first_col_is_header=True,
        ),
        merksatz(
            "Nicht jede Kommune braucht ein eigenes Cluster. Aber jede Kommune sollte wissen, "
            "welche Branchen ihre Zukunft tragen – und mit diesen Unternehmen im Gespräch sein.",
        ),
        h2("Grenzen und Risiken"),
        paragraph(
            "Eine starke Konzentration auf wenige Branchen birgt Risiken: Gerät eine Branche in "
            "eine Krise, ist die ganze Region betroffen. Zudem können eingespielte Netzwerke "
            "neue Ideen und Neulinge ausschließen. Eine kluge Clusterstrategie achtet deshalb "
            "auf Offenheit, auf Verbindungen zu benachbarten Branchen und auf "
            "Querschnittsthemen wie Fachkräfte, Digitalisierung oder Energie, die viele "
            "Betriebe gleichermaßen betreffen.",
            "Ebenso wichtig ist, dass kleinere Betriebe, das Handwerk und Gründungen außerhalb "
            "der Schlüsselbranchen weiterhin ihren Platz in der Wirtschaftsförderung haben. "
            "Clusterorientierung setzt Schwerpunkte, sie ersetzt nicht die verlässliche "
            "Grundversorgung aller Unternehmen mit Beratung und Service.",
        ),
    ],
}

PARTNERSHIP = {
    "slug": "strategische-partnerschaft",
    "title": "Die strategische Partnerschaft zwischen Unternehmen und Kommune",
    "teaser": (
        "Was eine strategische Partnerschaft ausmacht, woher die Idee stammt und worin sie "
        "sich von Netzwerken, öffentlich-privaten Partnerschaften und Clustermanagement "
        "unterscheidet."
    ),
    "listing_image": "partnerschaft",
    "body": [
        h2("Die Idee: von der Unternehmensallianz zur kommunalen Partnerschaft"),
        paragraph(
            "In der Wirtschaft sind strategische Partnerschaften seit Langem verbreitet. "
            "Unternehmen bündeln Ressourcen, teilen Risiken und erschließen gemeinsam Märkte, "
            "Technologien oder Vertriebswege, ohne ihre Selbständigkeit aufzugeben. "
            "Entscheidend ist, dass beide Seiten einen Nutzen haben, den sie allein nicht "
            "erreichen würden.",
            "Das Konzept der „Strategischen Partnerschaft zwischen Unternehmen und Kommunen“ "
            "überträgt diese Idee auf die kommunale Wirtschaftsförderung. Es wurde im Rahmen "
            "eines Forschungsprojekts des Bundesministeriums für Wirtschaft und Arbeit (BMWA) "
            "von Rambøll Management entwickelt. Die Kommune wird dabei nicht zum Dienstleister, "
            "der Wünsche entgegennimmt, und nicht zum Geldgeber, der Projekte finanziert, "
            "sondern zum Partner, der eigene Ziele einbringt und eigene Beiträge leistet.",
        ),
        info_box(
            "Kurz gefasst",
            "Eine strategische Partnerschaft ist eine verbindliche, auf mehrere Jahre "
            "angelegte Zusammenarbeit zwischen einer oder mehreren Kommunen und den Unternehmen "
            "einer Schlüsselbranche, ergänzt um Wissenschaft, Kammern, Bildungsträger und "
            "weitere Akteure. Die Partner vereinbaren gemeinsame Ziele, setzen abgestimmte "
            "Maßnahmen um und teilen Verantwortung und Ressourcen.",
        ),
        h2("Was eine strategische Partnerschaft ausmacht"),
        h3("Strategisch statt anlassbezogen"),
        paragraph(
            "Die Partnerschaft richtet sich an der langfristigen Entwicklung einer Branche am "
            "Standort aus. Einzelne Projekte – eine Ausbildungsmesse, ein Forschungsvorhaben, "
            "ein Gewerbegebiet – sind Teile einer gemeinsamen Strategie und nicht "
            "Selbstzweck.",
        ),
        h3("Partnerschaftlich und auf Augenhöhe"),
        paragraph(
            "Alle Beteiligten bringen etwas ein: Unternehmen ihr Marktwissen, Zeit ihrer "
            "Führungskräfte und oft auch Geld; die Kommune Planungs- und Verwaltungskompetenz, "
            "Moderation und Zugang zu Förderprogrammen; Hochschulen und Bildungsträger Wissen "
            "und Qualifizierung. Entscheidungen werden gemeinsam getroffen.",
        ),
        h3("Verbindlich"),
        paragraph(
            "Ziele, Zuständigkeiten und Beiträge werden schriftlich festgehalten, etwa in einer "
            "Partnerschaftsvereinbarung. Ein Lenkungskreis trifft sich regelmäßig, "
            "Arbeitsgruppen haben klare Aufträge. Diese Verbindlichkeit unterscheidet die "
            "Partnerschaft von einem unverbindlichen Gesprächskreis.",
        ),
        h3("Langfristig und lernend"),
        paragraph(
            "Strategische Partnerschaften sind auf mehrere Jahre angelegt. Ziele und Maßnahmen "
            "werden regelmäßig überprüft und an veränderte Bedingungen angepasst – etwa wenn "
            "neue Technologien, Förderprogramme oder Marktentwicklungen die Branche verändern.",
        ),
        h2("Abgrenzung zu verwandten Ansätzen"),
        table(
            "Strategische Partnerschaft und verwandte Ansätze",
            [
                ["Ansatz", "Schwerpunkt", "Unterschied zur strategischen Partnerschaft"],
                [
                    "Unternehmensnetzwerk",
                    "Zusammenarbeit von Unternehmen untereinander",
                    "Die Kommune ist meist nicht Partnerin, sondern allenfalls Unterstützerin",
                ],
                [
                    "Öffentlich-private Partnerschaft (ÖPP)",
                    "Finanzierung, Bau oder Betrieb einer konkreten Infrastruktur",
                    "Vertrag über ein einzelnes Vorhaben statt gemeinsamer Branchenstrategie",
                ],
                [
                    "Clustermanagement",
                    "Professionelle Koordination eines Clusters, oft auf Landesebene",
                    "Kann Teil der Partnerschaft sein; die Partnerschaft verankert die "
                    "Kommune als aktive Mitgestalterin",
                ],
                [
                    "Branchendialog, Runder Tisch",
                    "Informationsaustausch zwischen Verwaltung und Wirtschaft",
                    "Ohne gemeinsame Ziele, Zuständigkeiten und eigene Beiträge der Partner",
                ],
            ],
            first_col_is_header=True,
        ),
        h2("Der Nutzen für die Beteiligten"),
        h3("Für die Unternehmen"),
        paragraph(
            ul(
                "Bessere Rahmenbedingungen am Standort, die gemeinsam definiert wurden",
                "Gemeinsame Lösungen bei Fachkräften, Ausbildung und Weiterbildung",
                "Zugang zu Forschung, Förderprogrammen und Kooperationspartnern",
                "Ein sichtbares Profil der Branche in Region und Öffentlichkeit",
            )
        ),
        h3("Für die Kommune"),
        paragraph(
            ul(
                "Genaue Kenntnis der Bedarfe ihrer wichtigsten Arbeitgeber",
                "Wirksamerer Einsatz knapper Mittel der Wirtschaftsförderung",
                "Bessere Chancen in Förderwettbewerben von Land, Bund und EU",
                "Bindung der Unternehmen an den Standort",
            )
        ),
        h3("Für die Region"),
        paragraph(
            "Eine funktionierende Partnerschaft stärkt die Wettbewerbsfähigkeit der Region "
            "insgesamt: Sie hält Arbeitsplätze und Wertschöpfung vor Ort, macht die Region für "
            "Fachkräfte attraktiver und schafft Vertrauen zwischen Wirtschaft, Verwaltung und "
            "Politik, das auch in anderen Fragen trägt.",
        ),
        merksatz(
            "Eine Partnerschaft ist dann strategisch, wenn beide Seiten bereit sind, etwas "
            "einzubringen, das ihnen wichtig ist – und wenn sie wissen, was sie dafür bekommen.",
        ),
    ],
}

STEPS = {
    "slug": "aufbau-und-umsetzung",
    "title": "Aufbau und Umsetzung Schritt für Schritt",
    "teaser": (
        "Von der Analyse der Schlüsselbranchen bis zur Verstetigung: wie eine strategische "
        "Partnerschaft in vier Phasen entsteht und was in jeder Phase zu tun ist."
    ),
    "listing_image": "phasen",
    "body": [
        h2("Vier Phasen im Überblick"),
        paragraph(
            "Der Aufbau einer strategischen Partnerschaft folgt einem bewährten Ablauf in vier "
            "Phasen. Die Phasen bauen aufeinander auf, gehen in der Praxis aber fließend "
            "ineinander über. Nach der Verstetigung beginnt der Kreislauf von Neuem: Die "
            "Partner überprüfen, ob die Analyse noch zutrifft, und passen ihre Strategie an.",
        ),
        image(
            "phasen",
            "Die vier Phasen einer strategischen Partnerschaft: Analyse, "
            "Strategieentwicklung, Umsetzung und Verstetigung.",
        ),
        h2("Phase 1: Analyse"),
        paragraph(
            "Am Anfang steht die Frage, welche Branchen für den Standort tatsächlich prägend "
            "sind. Das Bauchgefühl der Beteiligten ist dabei ein guter Ausgangspunkt, ersetzt "
            "aber keine systematische Untersuchung.",
        ),
        h3("Schlüsselbranchen identifizieren"),
        paragraph(
            "Grundlage sind Daten der Beschäftigtenstatistik, Informationen der Kammern und "
            "eigene Unternehmensdaten der Wirtschaftsförderung. Aussagekräftig sind vor allem "
            "der Anteil einer Branche an der Beschäftigung, ihre Entwicklung über mehrere Jahre "
            "und ihre Spezialisierung im Vergleich zu anderen Regionen.",
        ),
        info_box(
            "Der Standortquotient",
            "Der Standortquotient setzt den Anteil einer Branche an allen Beschäftigten der "
            "Region ins Verhältnis zum entsprechenden Anteil im Bundesdurchschnitt. Ein Wert "
            "über 1 zeigt eine überdurchschnittliche Konzentration an; je deutlicher er darüber "
            "liegt, desto stärker ist die Region spezialisiert. Der Quotient ist ein erster "
            "Anhaltspunkt – ob aus der Konzentration ein Cluster wird, zeigen erst die "
            "Gespräche mit den Unternehmen.",
        ),
        h3("Akteure und Bedarfe kennenlernen"),
        paragraph(
            "In leitfadengestützten Interviews mit Geschäftsführungen, Kammern, Hochschulen und "
            "Bildungsträgern werden Stärken, Engpässe und Kooperationsbereitschaft erfragt. "
            "Eine Stärken-Schwächen-Analyse fasst die Ergebnisse zusammen. Schon in dieser "
            "Phase zeigt sich, welche Unternehmen bereit sind, Verantwortung zu übernehmen.",
        ),
        h2("Phase 2: Strategieentwicklung"),
        paragraph(
            "In moderierten Workshops erarbeiten die künftigen Partner ein gemeinsames Bild "
            "davon, wohin sich die Branche am Standort entwickeln soll. Aus diesem Leitbild "
            "werden Handlungsfelder abgeleitet – typischerweise Fachkräfte und Qualifizierung, "
            "Innovation und Technologietransfer, Flächen und Infrastruktur sowie "
            "Standortmarketing.",
            "Für jedes Handlungsfeld werden Ziele und konkrete Maßnahmen festgelegt, mit "
            "Verantwortlichen, Zeitplan und Finanzierung. Am Ende der Phase steht eine "
            "Partnerschaftsvereinbarung, die von Verwaltungsspitze und Unternehmen gemeinsam "
            "unterzeichnet und, wo nötig, vom Rat oder Kreistag beschlossen wird.",
        ),
        h2("Phase 3: Umsetzung"),
        paragraph(
            "In der Umsetzung zeigt sich, ob die Partnerschaft trägt. Bewährt hat sich, mit "
            "wenigen Leitprojekten zu beginnen, die schnell sichtbare Ergebnisse bringen, und "
            "parallel längerfristige Vorhaben vorzubereiten. Arbeitsgruppen übernehmen die "
            "einzelnen Handlungsfelder; eine Koordinierungsstelle – häufig bei der "
            "Wirtschaftsförderung angesiedelt – hält die Fäden zusammen.",
            "Für die Finanzierung kommen neben Eigenmitteln der Partner Förderprogramme in "
            "Betracht, etwa aus der Gemeinschaftsaufgabe „Verbesserung der regionalen "
            "Wirtschaftsstruktur“ (GRW), dem Europäischen Fonds für regionale Entwicklung "
            "(EFRE) oder Programmen der Länder. Die Partnerschaft verbessert die Chancen, weil "
            "sie Bedarf, Trägerschaft und Beteiligung der Wirtschaft belegen kann.",
        ),
        h2("Phase 4: Verstetigung"),
        paragraph(
            "Eine Partnerschaft, die nur während eines geförderten Projekts besteht, hat ihr "
            "Ziel verfehlt. In der Verstetigungsphase werden deshalb dauerhafte Strukturen "
            "geschaffen: eine Trägerschaft, etwa als Verein oder als Aufgabe der "
            "Wirtschaftsförderung, eine verlässliche Finanzierung durch Beiträge der Partner "
            "und ein regelmäßiges Monitoring.",
            "Eine jährliche Bilanz mit allen Partnern hilft, Erfolge sichtbar zu machen, "
            "Maßnahmen anzupassen und neue Partner zu gewinnen. So wird aus dem Projekt ein "
            "fester Bestandteil der regionalen Wirtschaftspolitik.",
        ),
        table(
            "Die Phasen auf einen Blick",
            [
                ["Phase", "Leitfrage", "Typische Ergebnisse", "Dauer (Orientierung)"],
                [
                    "Analyse",
                    "Welche Branchen prägen den Standort, und was brauchen sie?",
                    "Branchenprofil, Interviewauswertung, Stärken-Schwächen-Analyse",
                    "3 bis 6 Monate",
                ],
                [
                    "Strategieentwicklung",
                    "Wohin wollen wir gemeinsam, und was tun wir dafür?",
                    "Leitbild, Handlungsfelder, Maßnahmenplan, Partnerschaftsvereinbarung",
                    "4 bis 8 Monate",
                ],
                [
                    "Umsetzung",
                    "Wie bringen wir die Maßnahmen auf den Weg?",
                    "Leitprojekte, Arbeitsgruppen, Koordinierungsstelle, Förderanträge",
                    "2 bis 4 Jahre",
                ],
                [
                    "Verstetigung",
                    "Wie wird die Partnerschaft dauerhaft?",
                    "Trägerstruktur, Finanzierung, Monitoring, Fortschreibung",
                    "fortlaufend",
                ],
            ],
            first_col_is_header=True,
        ),
    ],
}

ACTORS = {
    "slug": "akteure-und-rollen",
    "title": "Akteure und ihre Rollen",
    "teaser": (
        "Wer an einer strategischen Partnerschaft mitwirkt, welche Aufgaben die Beteiligten "
        "übernehmen und wie die Zusammenarbeit organisiert werden kann."
    ),
    "listing_image": "tagung",
    "body": [
        h2("Ein Bündnis mit verteilten Rollen"),
        paragraph(
            "Eine strategische Partnerschaft lebt davon, dass jeder Partner das einbringt, was "
            "er am besten kann. Nicht alle Akteure müssen von Beginn an dabei sein; wichtig "
            "ist, dass die Unternehmen der Schlüsselbranche und die Kommune den Kern bilden und "
            "weitere Partner gezielt hinzukommen, wenn ein Handlungsfeld es erfordert.",
        ),
        table(
            "Akteure einer strategischen Partnerschaft und ihre Beiträge",
            [
                ["Akteur", "Rolle", "Typische Beiträge"],
                [
                    "Unternehmen der Schlüsselbranche",
                    "Treiber und Kern der Partnerschaft",
                    "Marktwissen, Mitarbeit in Gremien, Ausbildungsplätze, finanzielle Beiträge",
                ],
                [
                    "Kommune und Wirtschaftsförderung",
                    "Anstoß, Moderation und Koordination",
                    "Prozessorganisation, Flächen und Planung, Zugang zu Förderprogrammen",
                ],
                [
                    "Politik und Verwaltungsspitze",
                    "Rückhalt und Verbindlichkeit",
                    "Beschlüsse in Rat oder Kreistag, Haushaltsmittel, Außenvertretung",
                ],
                [
                    "Hochschulen und Forschungseinrichtungen",
                    "Wissens- und Technologiepartner",
                    "Forschungskooperationen, Studienangebote, Abschlussarbeiten",
                ],
                [
                    "Kammern und Verbände",
                    "Bindeglied zur gesamten Wirtschaft",
                    "Kontakte, Ausbildungsberatung, Interessenvertretung",
                ],
                [
                    "Berufsschulen und Bildungsträger",
                    "Qualifizierungspartner",
                    "Ausbildungs- und Weiterbildungsangebote, Verbundausbildung",
                ],
                [
                    "Agentur für Arbeit und Jobcenter",
                    "Partner für Fachkräftesicherung",
                    "Arbeitsmarktdaten, Vermittlung, Förderung von Qualifizierung",
                ],
                [
                    "Land und Förderinstitutionen",
                    "Förderer und Impulsgeber",
                    "Förderprogramme, Landesclusterinitiativen, Beratung",
                ],
            ],
            first_col_is_header=True,
        ),
        h2("Die Wirtschaftsförderung als Motor"),
        paragraph(
            "In den meisten Partnerschaften ergreift die kommunale Wirtschaftsförderung die "
            "Initiative. Sie kennt die Unternehmen, hat einen Überblick über Förderprogramme "
            "und kann als neutrale Instanz Akteure zusammenbringen, die sonst eher "
            "miteinander konkurrieren. Im weiteren Verlauf übernimmt sie häufig die "
            "Koordinierungsstelle.",
            "Damit die Wirtschaftsförderung diese Rolle ausfüllen kann, braucht sie ein klares "
            "Mandat der Verwaltungsspitze und ausreichende personelle Kapazität. Erfahrungsgemäß "
            "ist für die Koordination einer Partnerschaft mindestens eine halbe, besser eine "
            "ganze Stelle erforderlich.",
        ),
        h2("Unternehmen als Treiber"),
        paragraph(
            "Ohne unternehmerisches Engagement bleibt eine Partnerschaft ein Verwaltungsprojekt. "
            "Entscheidend ist, dass Inhaberinnen, Inhaber und Geschäftsführungen sich "
            "persönlich beteiligen und nicht nur Vertretungen schicken.",
        ),
        h3("Leitunternehmen und Mittelstand"),
        paragraph(
            "Größere Leitunternehmen haben oft die Ressourcen, Arbeitsgruppen zu leiten oder "
            "Projekte vorzufinanzieren. Kleine und mittlere Unternehmen profitieren dagegen "
            "besonders von gemeinsamen Angeboten, die sie allein nicht stemmen könnten – etwa "
            "bei Ausbildung, Weiterbildung oder Forschungskooperationen. Eine gute "
            "Partnerschaft achtet darauf, dass beide Gruppen ihre Interessen einbringen können.",
        ),
        h2("Die Organisation der Zusammenarbeit"),
        h3("Lenkungskreis"),
        paragraph(
            "Der Lenkungskreis ist das Entscheidungsgremium. Ihm gehören Vertreterinnen und "
            "Vertreter der Unternehmen, die Verwaltungsspitze und je nach Thema weitere Partner "
            "an. Er tagt zwei- bis viermal im Jahr, beschließt Prioritäten und überprüft den "
            "Fortschritt.",
        ),
        h3("Arbeitsgruppen"),
        paragraph(
            "Arbeitsgruppen bearbeiten die Handlungsfelder. Sie werden möglichst von einer "
            "Person aus einem Unternehmen geleitet und von der Koordinierungsstelle "
            "unterstützt. Sie haben einen klaren Auftrag und berichten dem Lenkungskreis.",
        ),
        h3("Koordinierungsstelle"),
        paragraph(
            "Die Koordinierungsstelle organisiert Sitzungen, hält Ergebnisse fest, bereitet "
            "Förderanträge vor und ist Ansprechstelle für alle Partner. Sie ist das "
            "Gedächtnis der Partnerschaft und sorgt dafür, dass Vereinbarungen eingehalten "
            "werden.",
        ),
        info_box(
            "Externe Prozessbegleitung",
            "Gerade in der Analyse und in der Strategieentwicklung kann eine externe Begleitung "
            "sinnvoll sein: Sie bringt Methodenwissen und Erfahrungen aus anderen Regionen ein, "
            "moderiert neutral zwischen unterschiedlichen Interessen und entlastet die "
            "Wirtschaftsförderung. Die Verantwortung für die Partnerschaft bleibt aber bei den "
            "Partnern vor Ort.",
        ),
        merksatz(
            "Die beste Geschäftsordnung nützt nichts, wenn die Unternehmen nicht am Tisch "
            "sitzen. Und das tun sie nur, wenn sie merken, dass ihre Zeit gut investiert ist.",
        ),
    ],
}

SUCCESS = {
    "slug": "erfolgsfaktoren",
    "title": "Erfolgsfaktoren",
    "teaser": (
        "Was strategische Partnerschaften erfolgreich macht, an welchen Stolpersteinen sie "
        "scheitern können und wie sich Erfolg messen lässt."
    ),
    "listing_image": "fachkraefte",
    "body": [
        h2("Was erfolgreiche Partnerschaften gemeinsam haben"),
        paragraph(
            "Keine Region gleicht der anderen, und jede Partnerschaft findet ihre eigene Form. "
            "Dennoch zeigen Erfahrungen aus unterschiedlichen Branchen und Regionen eine Reihe "
            "wiederkehrender Erfolgsfaktoren.",
        ),
        h3("1. Unternehmerisches Engagement"),
        paragraph(
            "Die Partnerschaft braucht Unternehmerinnen und Unternehmer, die sie sichtbar "
            "mittragen, für sie werben und andere Betriebe überzeugen. Wo die Initiative "
            "allein bei der Verwaltung liegt, erlahmt das Interesse rasch.",
        ),
        h3("2. Rückhalt in Politik und Verwaltungsspitze"),
        paragraph(
            "Bürgermeisterin oder Bürgermeister, Landrätin oder Landrat müssen die "
            "Partnerschaft zur Chefsache machen. Das signalisiert den Unternehmen "
            "Verbindlichkeit und sichert die nötigen Ressourcen in der Verwaltung.",
        ),
        h3("3. Klare, gemeinsam getragene Ziele"),
        paragraph(
            "Ziele, die alle Partner verstehen und unterschreiben können, sind wichtiger als "
            "ein umfassendes Strategiepapier. Wenige, konkrete Ziele lassen sich besser "
            "verfolgen und überprüfen.",
        ),
        h3("4. Schnelle sichtbare Erfolge"),
        paragraph(
            "Ein erstes gemeinsames Projekt, das innerhalb weniger Monate Ergebnisse bringt – "
            "etwa eine Ausbildungsbörse der Branche oder ein gemeinsamer Messeauftritt –, "
            "schafft Vertrauen und Motivation für die längerfristigen Vorhaben.",
        ),
        h3("5. Professionelle Koordination"),
        paragraph(
            "Eine feste Ansprechperson mit ausreichender Zeit, Methodenkompetenz und "
            "Branchenkenntnis ist durch nichts zu ersetzen. Wo die Koordination nebenbei "
            "erledigt wird, bleiben Vereinbarungen liegen.",
        ),
        h3("6. Verlässliche Finanzierung"),
        paragraph(
            "Fördermittel helfen beim Start, dürfen aber nicht die einzige Grundlage sein. "
            "Eigene Beiträge von Kommune und Unternehmen sichern die Unabhängigkeit und zeigen, "
            "dass die Partner den Nutzen ernst nehmen.",
        ),
        h3("7. Offenheit über Grenzen hinweg"),
        paragraph(
            "Cluster enden nicht an Gemeinde- oder Kreisgrenzen, und viele Herausforderungen "
            "betreffen mehrere Branchen zugleich. Erfolgreiche Partnerschaften arbeiten "
            "interkommunal und greifen Querschnittsthemen wie Fachkräftesicherung oder "
            "gemeinsame technologische Fragestellungen branchenübergreifend auf.",
        ),
        h2("Typische Stolpersteine"),
        paragraph(
            ul(
                "Die Analyse bleibt zu allgemein, die Schlüsselbranchen werden nicht klar benannt.",
                "Es werden zu viele Maßnahmen auf einmal beschlossen, von denen nur wenige "
                "umgesetzt werden.",
                "Die Partnerschaft hängt an einer einzigen Person und zerfällt, wenn diese "
                "wechselt.",
                "Konkurrenz zwischen Nachbarkommunen verhindert eine gemeinsame Strategie.",
                "Die Finanzierung endet mit dem Förderprojekt, eine Anschlusslösung fehlt.",
                "Erfolge werden nicht kommuniziert – weder gegenüber den Partnern noch in der "
                "Öffentlichkeit.",
            )
        ),
        info_box(
            "Checkliste für den Start",
            ul(
                "Gibt es eine Branche mit erkennbarer Konzentration und Entwicklungspotenzial?",
                "Sind mindestens drei bis fünf Unternehmen bereit, aktiv mitzuwirken?",
                "Steht die Verwaltungsspitze hinter dem Vorhaben?",
                "Ist geklärt, wer die Koordination übernimmt und mit welcher Kapazität?",
                "Sind Nachbarkommunen, Kammern und Hochschulen angesprochen?",
            ),
        ),
        h2("Erfolg messen"),
        paragraph(
            "Wirkungen einer Partnerschaft zeigen sich oft erst nach Jahren und lassen sich "
            "selten allein auf sie zurückführen. Ein gestuftes Monitoring hilft, Fortschritte "
            "dennoch sichtbar zu machen.",
        ),
        table(
            "Beispiele für Indikatoren eines Monitorings",
            [
                ["Ebene", "Fragestellung", "Beispiele für Indikatoren"],
                [
                    "Aktivitäten",
                    "Was haben wir getan?",
                    "Sitzungen, durchgeführte Maßnahmen, beteiligte Unternehmen",
                ],
                [
                    "Ergebnisse",
                    "Was ist direkt entstanden?",
                    "Neue Kooperationsprojekte, besetzte Ausbildungsplätze, eingeworbene "
                    "Fördermittel",
                ],
                [
                    "Wirkungen",
                    "Was hat sich in der Region verändert?",
                    "Beschäftigungsentwicklung der Branche, Innovationen, Zufriedenheit der "
                    "Unternehmen mit dem Standort",
                ],
            ],
            first_col_is_header=True,
        ),
        merksatz(
            "Erfolg misst sich nicht an der Zahl der Sitzungen, sondern daran, ob Unternehmen "
            "und Kommune nach einigen Jahren sagen: Ohne die Partnerschaft wären wir heute "
            "nicht so weit.",
        ),
    ],
}

CONCEPT_PAGES = [CLUSTER, PARTNERSHIP, STEPS, ACTORS, SUCCESS]

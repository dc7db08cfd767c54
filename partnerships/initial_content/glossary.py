"""The Glossar: the page at /glossar/ and its terms (snippet ``GlossaryTerm``), written for
municipal economic developers. ``related`` names a concept page by its slug."""

from partnerships.initial_content.markup import rich

GLOSSARY_PAGE = {
    "slug": "glossar",
    "title": "Glossar",
    "teaser": (
        "Kurz erklärt: die wichtigsten Begriffe der clusterorientierten Wirtschaftsförderung, "
        "von Bestandspflege bis Wertschöpfungskette."
    ),
    "intro": rich(
        "Das Glossar erklärt Fachbegriffe, die auf dieser Website vorkommen, in wenigen Sätzen. "
        "In den Konzeptseiten und Praxisbeispielen führt ein gepunktet unterstrichener Begriff "
        "bei seinem ersten Vorkommen hierher.",
    ),
}

# term, definition, further word forms (comma-separated), related concept page (slug or "").
TERMS = [
    {
        "term": "Bestandspflege",
        "definition": (
            "Betreuung der Unternehmen, die bereits am Ort sind: regelmäßige Besuche und "
            "Gespräche, Hilfe bei Erweiterungen, Genehmigungen, Flächen und Fachkräften. Ziel "
            "ist, Betriebe und Arbeitsplätze zu halten und ihr Wachstum zu unterstützen – für "
            "viele Kommunen die wichtigste Aufgabe der Wirtschaftsförderung."
        ),
        "word_forms": "",
        "related": "",
    },
    {
        "term": "Cluster",
        "definition": (
            "Räumliche Konzentration von Unternehmen einer Branche oder verwandter Branchen "
            "mit ihren Zulieferern, Dienstleistern sowie Forschungs- und "
            "Bildungseinrichtungen, die entlang einer Wertschöpfungskette verbunden sind, "
            "miteinander konkurrieren und zugleich zusammenarbeiten (nach Michael E. Porter)."
        ),
        "word_forms": "Clustern, Clusters",
        "related": "clusterorientierte-wirtschaftsfoerderung",
    },
    {
        "term": "Clustermanagement",
        "definition": (
            "Die Stelle, die ein Cluster oder eine Clusterinitiative betreut: Sie vernetzt die "
            "Akteure, moderiert Arbeitskreise, stößt gemeinsame Projekte an, betreibt "
            "Öffentlichkeitsarbeit und beobachtet die Entwicklung. Angesiedelt ist sie oft bei "
            "der Wirtschaftsförderung, einer Kammer oder einem Verein."
        ),
        "word_forms": "Clustermanagements",
        "related": "",
    },
    {
        "term": "Clusterpolitik",
        "definition": (
            "Wirtschaftspolitik, die gezielt vorhandene Stärken einer Region fördert, statt "
            "Unternehmen einzeln oder flächendeckend zu unterstützen („Stärken stärken“). "
            "Instrumente sind etwa Clustermanagements, Netzwerk- und Verbundprojekte und ein "
            "gemeinsames Standortmarketing; EU, Bund, Länder und Kommunen betreiben sie."
        ),
        "word_forms": "",
        "related": "clusterorientierte-wirtschaftsfoerderung",
    },
    {
        "term": "EFRE",
        "definition": (
            "Europäischer Fonds für regionale Entwicklung: Strukturfonds der Europäischen "
            "Union für den wirtschaftlichen, sozialen und territorialen Zusammenhalt. In "
            "Deutschland vergeben die Länder die Mittel über eigene Programme, z. B. für "
            "Innovation, KMU, Klimaschutz und Stadtentwicklung; verlangt wird eine "
            "Kofinanzierung aus nationalen Mitteln."
        ),
        "word_forms": "",
        "related": "",
    },
    {
        "term": "Evaluation",
        "definition": (
            "Systematische, möglichst unabhängige Bewertung eines Projekts oder Programms: "
            "Wurden die Ziele erreicht, was hat es bewirkt, standen Aufwand und Nutzen in einem "
            "guten Verhältnis? Sie stützt sich auf die Daten des Monitorings und auf "
            "Befragungen und ist bei Fördermitteln oft vorgeschrieben."
        ),
        "word_forms": "Evaluationen, Evaluierung",
        "related": "",
    },
    {
        "term": "Fachkräftesicherung",
        "definition": (
            "Alles, womit Unternehmen, Kommunen und Partner den Bedarf an qualifizierten "
            "Arbeitskräften decken: Ausbildung und Weiterbildung, Zusammenarbeit mit Schulen "
            "und Hochschulen, Angebote für Rückkehrende und Zugewanderte, Vereinbarkeit von "
            "Familie und Beruf sowie gute Arbeits- und Lebensbedingungen am Ort."
        ),
        "word_forms": "",
        "related": "",
    },
    {
        "term": "GRW",
        "definition": (
            "Gemeinschaftsaufgabe „Verbesserung der regionalen Wirtschaftsstruktur“: "
            "gemeinsames Förderprogramm von Bund und Ländern (Artikel 91a Grundgesetz) für "
            "strukturschwache Regionen. Es fördert gewerbliche Investitionen, wirtschaftsnahe "
            "Infrastruktur sowie nichtinvestive Vorhaben wie Kooperationsnetzwerke, "
            "Clustermanagements und Regionalmanagements."
        ),
        "word_forms": "",
        "related": "",
    },
    {
        "term": "Innovationsförderung",
        "definition": (
            "Unterstützung von Unternehmen, vor allem KMU, bei neuen Produkten, Verfahren und "
            "Dienstleistungen: Beratung, Zuschüsse und Darlehen, Kontakte zu Hochschulen und "
            "Forschungseinrichtungen, Technologietransfer. Ein bekanntes Bundesprogramm ist das "
            "Zentrale Innovationsprogramm Mittelstand (ZIM)."
        ),
        "word_forms": "",
        "related": "",
    },
    {
        "term": "Interkommunale Zusammenarbeit",
        "definition": (
            "Zusammenarbeit mehrerer Städte, Gemeinden oder Landkreise bei Aufgaben, die eine "
            "allein schlechter bewältigt, z. B. gemeinsame Gewerbegebiete, ein gemeinsames "
            "Standortmarketing oder eine gemeinsame Wirtschaftsförderungsgesellschaft. Die "
            "Formen reichen von Vereinbarungen über Zweckverbände bis zu gemeinsamen "
            "Gesellschaften."
        ),
        "word_forms": "interkommunale Zusammenarbeit, interkommunalen Zusammenarbeit",
        "related": "",
    },
    {
        "term": "KMU",
        "definition": (
            "Kleine und mittlere Unternehmen. Nach der Definition der EU-Kommission haben sie "
            "weniger als 250 Beschäftigte und entweder höchstens 50 Millionen Euro Jahresumsatz "
            "oder höchstens 43 Millionen Euro Bilanzsumme. Viele Förderprogramme stehen nur "
            "KMU offen."
        ),
        "word_forms": (
            "Kleine und mittlere Unternehmen, kleine und mittlere Unternehmen, "
            "kleinen und mittleren Unternehmen"
        ),
        "related": "",
    },
    {
        "term": "Kompetenzfeld",
        "definition": (
            "Bereich, in dem eine Region besondere Stärken hat – viele spezialisierte "
            "Unternehmen, Fachkräfte, Forschung und Know-how, etwa Ernährungswirtschaft oder "
            "Logistik. Kompetenzfelder sind oft der Ausgangspunkt einer Clusterstrategie; "
            "anders als ein Cluster setzt der Begriff keine organisierte Zusammenarbeit voraus."
        ),
        "word_forms": "Kompetenzfelder, Kompetenzfeldern, Kompetenzfelds, Kompetenzfeldes",
        "related": "",
    },
    {
        "term": "Koordinierungsstelle",
        "definition": (
            "Die Stelle, die eine strategische Partnerschaft im Alltag trägt: Sie organisiert "
            "Sitzungen, hält Ergebnisse fest, bereitet Förderanträge vor, verfolgt die "
            "vereinbarten Maßnahmen und ist Ansprechstelle für alle Partner. Meist ist sie bei "
            "der kommunalen Wirtschaftsförderung angesiedelt."
        ),
        "word_forms": "Koordinierungsstellen",
        "related": "akteure-und-rollen",
    },
    {
        "term": "Lenkungskreis",
        "definition": (
            "Das Entscheidungsgremium einer Partnerschaft oder eines Projekts. Ihm gehören "
            "Vertreterinnen und Vertreter der Unternehmen, die Verwaltungsspitze – etwa die "
            "Landrätin oder der Landrat – und weitere Partner an. Er legt Ziele und Prioritäten "
            "fest und überprüft den Fortschritt."
        ),
        "word_forms": "Lenkungskreise, Lenkungskreises, Lenkungskreisen",
        "related": "akteure-und-rollen",
    },
    {
        "term": "Monitoring",
        "definition": (
            "Laufende Beobachtung anhand vorher festgelegter Kennzahlen, z. B. Beschäftigung in "
            "der Branche, Zahl der beteiligten Unternehmen oder umgesetzte Maßnahmen. Es zeigt "
            "früh, ob ein Vorhaben auf Kurs ist, und liefert die Daten für eine Evaluation."
        ),
        "word_forms": "Monitorings",
        "related": "",
    },
    {
        "term": "Netzwerk",
        "definition": (
            "Verbindung von Unternehmen, Einrichtungen und Personen, die Informationen "
            "austauschen und bei gemeinsamen Themen zusammenarbeiten, meist freiwillig und "
            "ohne feste Rechtsform. Ein Cluster umfasst mehr: alle Unternehmen einer Branche in "
            "der Region, auch die, die in keinem Netzwerk mitarbeiten."
        ),
        "word_forms": "Netzwerke, Netzwerken, Netzwerks, Netzwerkes",
        "related": "",
    },
    {
        "term": "Public-Private-Partnership",
        "definition": (
            "Öffentlich-private Partnerschaft (ÖPP): vertraglich geregelte Zusammenarbeit von "
            "öffentlicher Hand und privaten Unternehmen, bei der beide Seiten Mittel, Risiken "
            "und Verantwortung teilen, etwa beim Bau und Betrieb von Infrastruktur. Eine "
            "strategische Partnerschaft ist meist weniger förmlich und auf gemeinsame Ziele "
            "statt auf ein einzelnes Vorhaben gerichtet."
        ),
        "word_forms": "Public-Private-Partnerships, PPP, ÖPP",
        "related": "",
    },
    {
        "term": "Regionalmanagement",
        "definition": (
            "Organisierte Steuerung der Entwicklung einer Region über Gemeindegrenzen hinweg: "
            "Ein eigenes Büro bringt Kommunen, Wirtschaft und Zivilgesellschaft zusammen, "
            "erarbeitet ein regionales Entwicklungskonzept und setzt Projekte um. Gefördert "
            "wird es unter anderem aus der GRW und von den Ländern."
        ),
        "word_forms": "Regionalmanagements",
        "related": "",
    },
    {
        "term": "Standortmarketing",
        "definition": (
            "Gezielte Darstellung der Stärken eines Wirtschaftsstandorts, um Unternehmen, "
            "Investoren und Fachkräfte zu gewinnen und zu halten: Messeauftritte, Website, "
            "Broschüren, Kampagnen, Ansprache von Investoren. Am glaubwürdigsten ist es, wenn "
            "es sich auf belegbare Stärken wie ein Cluster stützt."
        ),
        "word_forms": "",
        "related": "",
    },
    {
        "term": "Standortquotient",
        "definition": (
            "Kennzahl für die Spezialisierung einer Region: der Anteil einer Branche an der "
            "Beschäftigung der Region im Verhältnis zu ihrem Anteil an der Beschäftigung im "
            "Bund. Ein Wert über 1 zeigt, dass die Branche in der Region überdurchschnittlich "
            "stark vertreten ist – ein erster Hinweis auf ein mögliches Cluster."
        ),
        "word_forms": "Standortquotienten",
        "related": "aufbau-und-umsetzung",
    },
    {
        "term": "Strategische Partnerschaft",
        "definition": (
            "Das Konzept dieser Website: eine langfristig angelegte, verbindlich vereinbarte "
            "Zusammenarbeit zwischen einer Kommune und den Unternehmen einer Schlüsselbranche. "
            "Beide Seiten einigen sich auf gemeinsame Ziele, teilen die Aufgaben und setzen "
            "Maßnahmen gemeinsam um, gesteuert von einem Lenkungskreis."
        ),
        "word_forms": (
            "Strategische Partnerschaften, Strategischen Partnerschaft, strategische "
            "Partnerschaft, strategischen Partnerschaft, strategische Partnerschaften, "
            "strategischer Partnerschaften"
        ),
        "related": "strategische-partnerschaft",
    },
    {
        "term": "Verstetigung",
        "definition": (
            "Überführung eines befristeten, oft geförderten Vorhabens in eine dauerhafte "
            "Struktur mit gesicherter Finanzierung, etwa durch Beiträge der Unternehmen, einen "
            "Verein oder einen festen Posten im kommunalen Haushalt. Sie gelingt am besten, "
            "wenn sie von Anfang an mitgeplant wird."
        ),
        "word_forms": "",
        "related": "aufbau-und-umsetzung",
    },
    {
        "term": "Wertschöpfungskette",
        "definition": (
            "Die Stufen, auf denen ein Produkt entsteht und an Wert gewinnt: von Rohstoffen "
            "über Zulieferung, Verarbeitung und Herstellung bis zu Vertrieb und Service. Wer "
            "ein Cluster entlang seiner Wertschöpfungskette beschreibt, erkennt Lücken, die "
            "sich durch Ansiedlungen oder Kooperationen schließen lassen."
        ),
        "word_forms": "Wertschöpfungsketten",
        "related": "",
    },
    {
        "term": "Wirtschaftsförderung",
        "definition": (
            "Alles, womit eine Kommune – ebenso Land, Bund und EU – Unternehmen am Standort "
            "hält, neue gewinnt und die wirtschaftliche Entwicklung stärkt: Bestandspflege, "
            "Ansiedlung, Gewerbeflächen, Gründungs- und Fördermittelberatung, "
            "Standortmarketing. Für Kommunen ist sie eine freiwillige Aufgabe, organisiert in "
            "einem Amt oder einer eigenen Gesellschaft."
        ),
        "word_forms": "Wirtschaftsförderungen",
        "related": "clusterorientierte-wirtschaftsfoerderung",
    },
]

"""The seed's conference, "Magdeburger Bildungskonferenz": its printed program and its session reports.

Transcribed from the conference documentation (../shared/seed/bildungskonferenz-magdeburg.txt),
hyphenation at line ends removed. The documentation gives neither the date, the end time of the
last item nor the rooms of the sessions; those are marked as assumptions below.
"""

from __future__ import annotations

SLUG = "bildungskonferenz-magdeburg"
TITLE = "Magdeburger Bildungskonferenz"
DATE = "2022-05-18"  # assumption: the documentation gives no date (the Kita project started in 2020, "nach 2 Jahren")
VENUE = "Altes Rathaus, Magdeburg"  # the panel took place in the Ratsdiele of the town hall

# name -> affiliation as printed in the program
SPEAKERS = {
    "Dr. Lutz Trümper": "Oberbürgermeister der Landeshauptstadt Magdeburg",
    "Dr. Dorothea Trebesius": "Stabsstelle Bildung und Wissenschaft",
    "Torsten Haß": "",
    "Dr. Melanie Baumgarten": "Otto-von-Guericke-Universität Magdeburg",
    "Josephine Kosak": "Bildungsmonitoring der Landeshauptstadt",
    "Djamila Sauerhering": "",
    "Marlen Ulonska": "",
    "Daniela Küllertz": "Fachbereich 40 - Schule und Sport",
}

# rooms: the Ratsdiele is in the documentation; the session rooms and capacities are assumptions
ROOMS = [("Ratsdiele", 120), ("Raum 1", 30), ("Raum 2", 30), ("Raum 3", 30), ("Raum 4", 30)]

BLOCK = ("11:30", "12:30", "Parallele interaktive Sessions: Praxisberichte aus der kommunalen Bildungslandschaft")

# (start, end, kind, label, title, speakers, room)
PROGRAM = [
    ("10:00", "10:15", "begruessung", "", "Begrüßung und Eröffnung", ["Dr. Lutz Trümper"], "Ratsdiele"),
    ("10:15", "10:20", "einfuehrung", "", "Einführung in den Tag", ["Dr. Dorothea Trebesius"], "Ratsdiele"),
    (
        "10:20",
        "10:45",
        "impuls",
        "Impuls I",
        "Der Weg zur kommunalen Bildungslandschaft – am Beispiel der Landeshauptstadt Erfurt",
        ["Torsten Haß"],
        "Ratsdiele",
    ),
    (
        "10:45",
        "11:10",
        "impuls",
        "Impuls II",
        "Den Schulabschluss schaffen: Schulerfolg und Schulabbruch an Sekundar- und Gemeinschaftsschulen in "
        "Sachsen-Anhalt",
        ["Dr. Melanie Baumgarten"],
        "Ratsdiele",
    ),
    ("11:10", "11:30", "pause", "", "Kaffeepause und Raumwechsel", [], ""),
    ("11:30", "12:30", "sessions", "", BLOCK[2], [], ""),
    ("12:30", "12:45", "pause", "", "Kaffeepause und Raumwechsel", [], ""),
    ("12:45", "13:15", "podium", "", "Podiumsgespräch zu den Ergebnissen", [], "Ratsdiele"),
    ("13:15", "14:00", "abschluss", "", "Verabschiedung und Möglichkeiten zum weiteren Austausch", [], "Ratsdiele"),
]

# (key, label, title, speakers, room)
SESSIONS = [
    (
        "bildungsleitbild",
        "Session I",
        "Bildungsleitbild – Entstehung, Wirkung und Nutzen: Gelingensfaktoren aus der Praxis",
        ["Torsten Haß"],
        "Raum 1",
    ),
    (
        "datendschungel",
        "Session II",
        "Safari durch den Datendschungel - vom Papiertiger zur Bildungslandschaft",
        ["Josephine Kosak"],
        "Raum 2",
    ),
    (
        "kita-sozialarbeit",
        "Session III",
        "Erfolgreiche Kita-Sozialarbeit – Startschuss unter Pandemiebedingungen",
        ["Djamila Sauerhering", "Marlen Ulonska"],
        "Raum 3",
    ),
    ("it-ausstattung", "Session IV", "Zeitgemäße IT-Ausstattung für die Schulpraxis", ["Daniela Küllertz"], "Raum 4"),
]

MOODLE = "https://bildungsportal.magdeburg.de/moodle/course/view.php?id=57"

# documentation, in the order of the report: heading, subheading, workshop key, quote, quote by, summary
DOCUMENTATION = [
    ("Begrüßung und Eröffnung", "durch den Oberbürgermeister Dr. Lutz Trümper", "", "", "", ""),
    (
        "Einführung in den Tag",
        "",
        "",
        "Bildung ist eine gesamtgesellschaftliche Aufgabe, welche nur gelingen kann, wenn Bildungsakteur:innen "
        "und Entscheidungsträger:innen auch auf kommunaler Ebene eng zusammen arbeiten.",
        "Dr. Dorothea Trebesius, Stabsstelle Bildung und Wissenschaft",
        "Bildung betrifft alle Menschen in unterschiedlichen Facetten ein Leben lang. Sie ermöglicht nicht nur "
        "Wissenserwerb und erfolgreiche Abschlüsse, sondern auch soziale Vernetzung, ein ausgefülltes Berufsleben "
        "und Teilhabe in der Gesellschaft. Entsprechend vielfältig war auch das Programm der Magdeburger "
        "Bildungskonferenz, die einen Einblick gewährte zu aktuellen Bildungsthemen der Landeshauptstadt und ein "
        "Vernetzungsangebot darstellte.",
    ),
    (
        "Impuls I",
        "",
        "",
        "",
        "",
        "Wie Kommune Verantwortung übernehmen kann für die Entwicklung und Umsetzung ganzheitlicher Konzepte zum "
        "Lernen im Lebenslauf verdeutlichte Torsten Haß, amtierender Leiter des Amtes für Soziales und Leiter der "
        "Volkshochschule Erfurt am Beispiel seiner Heimatstadt. Bereits seit 2009 entwickelte die Stadt ein "
        "kommunales Bildungsmanagement, um eine vielfältige Angebotslandschaft im gesamten Bildungsbereich "
        "weiterzuentwickeln und zu strukturieren. Wichtige Gelingensbedingungen sind dafür eine strukturelle "
        "Verankerung zur Sicherung der Nachhaltigkeit, ein strategischer Rahmen, starke Kooperationspartner:innen "
        "und ein gutes Netzwerk, das auch breite Adressatengruppen erreicht.",
    ),
    (
        "Impuls II",
        "",
        "",
        "",
        "",
        "Als Teil des Teams um die Bildungsforscherin Prof. Raphaela Porsch stellte Dr. Melanie Baumgarten von der "
        "Fakultät für Humanwissenschaften der Otto-von-Guericke Universität Magdeburg die aktuelle Studie „Den "
        "Schulabschluss schaffen: Schulerfolg und Schulabbruch an Sekundar– und Gemeinschaftsschulen in "
        "Sachsen-Anhalt“ vor. Diese ging der Frage nach, ob bestimmte Merkmale von Unterricht oder Schule eine "
        "Erklärung für die große Zahl an Schulabgängen ohne Hauptschulabschluss bieten können.\n\n"
        "Die im bundesweiten Vergleich hohe Quote von Schulabbrüchen in Sachsen-Anhalt könnte durch frühzeitige "
        "Interventionsprogramme gegen Schulschwänzer und einen größeren Praxisanteil im Unterricht verringert "
        "werden. Das sind die wesentlichen Ergebnisse. Zu den formulierten Handlungsempfehlungen gehören u.a. die "
        "Professionalisierung im Bereich Elternarbeit von Lehrkräften an betroffenen Schulen, die flächendeckende "
        "Ausstattung der Schulen mit Schulsozialarbeiter:innen und Schulpsycholog:innen, die Stärkung von Praxis "
        "im Unterricht als motivationsfördernde Maßnahme zum Erreichen eines Schulabschlusses sowie die Entlastung "
        "von Verwaltungsaufgaben, damit Lehrkräfte sich auf unterrichtsbezogene Aufgaben konzentrieren können. Als "
        "Risikofaktoren konnten, neben einem bildungsfernen Elternhaus, eine eher schwache Einbeziehung der "
        "Eltern, ein erhöhtes Aufkommen von Aggression und Vandalismus unter den Schüler:innen und tendenziell "
        "verringerte Leistungsanforderungen identifiziert werden.",
    ),
    (
        "Session I",
        "Bildungsleitbild der Landeshauptstadt Erfurt – Ziel | Prozess | Ergebnis",
        "bildungsleitbild",
        "",
        "",
        "Anknüpfend an seinen Impuls vertiefte Torsten Haß (amtierender Leiter des Amtes für Soziales und Leiter "
        "der Volkshochschule Erfurt) die Frage strategischer Rahmensetzungen für Kommunen zur Gestaltung einer "
        "Bildungslandschaft. Es zeigt sich, dass ein Bildungsleitbild im Zusammenspiel mit einem entsprechenden "
        "Entstehungs– und Beteiligungsprozess ein geeignetes Instrument darstellt, um Strukturen zu entwickeln, "
        "Vernetzung voran zu bringen und Aktivitäten zu planen.\n\n"
        "Mit der Beschreibung von Visionen, Werten und langfristigen strategischen Zielen für die Bildungsarbeit "
        "entsteht eine Verpflichtung für die an der Bildung beteiligten Institutionen, Träger und die "
        "Stadtverwaltung. Es schafft Verbindlichkeit und Transparenz nach außen für alle Einwohner:innen und "
        "zugleich eine Identifikationsmöglichkeit.",
    ),
    (
        "Session II",
        "Safari durch den Datendschungel - vom Papiertiger zur Bildungslandschaft",
        "datendschungel",
        "",
        "",
        "Josephine Kosak, Bildungsmonitorerin der Stabsstelle Bildung und Wissenschaft, gab einen Einblick in die "
        "Aufgaben des Bildungsmonitorings der Stadt und die zentralen Ergebnisse des 2. Moduls der "
        "Bildungsberichterstattung, welches die allgemeinbildenden Schulen der Landeshauptstadt zum Thema hatte. "
        "Allgemeine Informationen zur Schullandschaft waren ebenso Thema wie die Rahmenbedingungen und die soziale "
        "Lage der Schüler:innen.\n\n"
        "Die Anzahl der Schüler:innen mit sonderpädagogischem Förderbedarf steigt - das ist eines der zentralen "
        "Ergebnisse des Bildungsreportes. Die Gruppe diskutierte daher Fragen der Inklusion im Schulalltag und "
        "welchen Stellenwert Förderschulen oder inklusive Beschulung in Magdeburg haben sollten. Dazu wurde eine "
        "Pro- und Contraliste angefertigt.",
    ),
    (
        "Session III",
        "Erfolgreiche Kita-Sozialarbeit – Startschuss unter Pandemiebedingungen",
        "kita-sozialarbeit",
        "",
        "",
        "Kurzfristig eingesprungen waren Djamila Sauerhering und Marlen Ulonska um mit den Teilnehmer:innen einen "
        "Blick auf das Projekt „Soziale Arbeit in Kitas“ zu werfen, welches zum Ziel hat, Ungleichheiten früh "
        "abzubauen und allen Kindern die gleichen Chancen zu bieten. Seit Januar 2020 ist in Magdeburger Kitas "
        "(aktuell in 18) dieses Projekt über Mittel des Landes angesiedelt. Die Kita-Sozialarbeiter:innen "
        "verfolgen ergänzende Tätigkeiten, die nicht die Arbeit des regulären Personals kompensieren sollen. "
        "Besonderes Augenmerk wird auf Elternarbeit und Übergangsgestaltung gelegt. Die Diskussion zeigte, dass "
        "bereits nach 2 Jahren erkennbar ist, wie erfolgreich diese Projekt arbeitet und es unbedingt einer "
        "Verstetigung bedarf.",
    ),
    (
        "Session IV",
        "Zeitgemäße IT-Ausstattung für die Schulpraxis",
        "it-ausstattung",
        "",
        "",
        "Daniela Küllertz vom Fachbereich 40 Schule und Sport widmete dem Thema Digitalisierung gemeinsam mit "
        "Kolleg:innen eine sehr praktisch orientierte Arbeitseinheit.\n\n"
        "Ausgehend von den ganz konkreten aktuellen Startbedingungen einer Digitalisierung der kommunalen Schulen, "
        "wurden Anforderungen und Ziele einer Digitalisierungs- und Ausstattungsstrategie anschaulich beschrieben. "
        "Neben Hard- und Software zum Anfassen und Ausprobieren waren weiterführende Informationen und digitale "
        "Hilfsmittel to Go im Programm. Weil eine nachhaltige IT-Ausstattung von Beteiligung und gemeinsamer "
        "Entwicklung lebt, wurde alles auch im Workshop ausprobiert.",
    ),
    (
        "Podiumsgespräch zu den Ergebnissen",
        "",
        "",
        "",
        "",
        "In einer abschließenden Gesprächsrunde kamen die Teilnehmer:innen und Moderator:innen noch einmal "
        "zusammen, um in einen Austausch über die Erkenntnisse des Tages zu treten. Es gab kurze Berichte aus den "
        "einzelnen Sessions, die auch aus dem Publikum heraus kommentiert wurden.\n\n"
        "Einigkeit herrschte darin, dass solch ein Austauschforum zu Bildungsfragen in der Stadt fortgeführt "
        "werden sollte und sich sogar eine Erweiterung des Formates anbietet, denn der Bedarf ist groß und es gibt "
        "viele Angebote, die von Interesse für die unterschiedlichen Bildungsakteur:innen der Stadt sind.",
    ),
]

# Session II made a pro/contra list; the documentation names it but does not reproduce its points
PRO_CONTRA_TITLE = "Pro- und Contraliste: Förderschulen oder inklusive Beschulung?"
PRO_CONTRA_NOTE = (
    "Die Originaldokumentation erwähnt die Liste, gibt ihre Punkte aber nicht wieder. Die Punkte hier sind "
    "Beispielinhalte der Demo und zeigen nur die Form strukturierter Ergebnisse."
)
PRO_CONTRA = {
    "Pro (Beispiel)": ["gemeinsames Lernen im Wohnumfeld", "Vielfalt als Normalfall im Schulalltag"],
    "Contra (Beispiel)": ["Fachpersonal und Ausstattung fehlen an vielen Schulen", "spezialisierte Förderung bündeln"],
}

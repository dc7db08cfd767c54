"""Site-wide data: the home page and the site settings (address, footer)."""

from partnerships.initial_content import seed

ORGANISATION = "Rambøll Management Consulting GmbH"
STREET = "Chilehaus A, Fischertwiete 2"
POSTAL_CODE = "20095"
CITY = "Hamburg"
EMAIL = "kontakt@strategische-partnerschaften.de"
# No phone number: we have no confirmed number for the site; editors add it in the settings.
PHONE = ""

ADDRESS_HTML = f"<p>{ORGANISATION}<br/>Chilehaus A<br/>Fischertwiete 2<br/>{POSTAL_CODE} {CITY}</p>"

SITE_NAME = "Strategische Partnerschaften"

HOME = {
    "slug": "home",
    "title": "Strategische Partnerschaften",
    "teaser": (
        "Konzepte, Informationen und Praxisbeispiele für eine clusterorientierte "
        "Wirtschaftsförderung auf kommunaler Ebene."
    ),
    "listing_image": "netzwerk",
    "intro": seed.HOME_INTRO_HTML,
    "signature": seed.SIGNATURE,
    # Featured on the home page, in this order: (section slug, page slug).
    "featured": [
        ("konzept", "strategische-partnerschaft"),
        ("konzept", "aufbau-und-umsetzung"),
        ("praxisbeispiele", "oldenburger-muensterland"),
        ("praxisbeispiele", "logistikstandort-an-der-elbe"),
    ],
}

SITE_SETTINGS = {
    "organisation": ORGANISATION,
    "street": STREET,
    "postal_code": POSTAL_CODE,
    "city": CITY,
    "email": EMAIL,
    "phone": PHONE,
    # What follows from the name; every other legal fact (managing directors, register, VAT
    # ID, data protection officer, hosting) comes from the client and is left empty until then
    # (production's check --deploy lists what is missing).
    "legal_form": "Gesellschaft mit beschränkter Haftung (GmbH)",
}

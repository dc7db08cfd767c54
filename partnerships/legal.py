"""The legal facts of the site, in one place: which Impressum facts the client must supply
(``missing_facts``, checked by ``check --deploy`` and listed on the dashboard), and the
privacy facts that follow from the configuration (log and form retention, media storage,
cookies), which the legal pages render from here instead of repeating them as free text.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

# (field of SiteSettings, what the Impressum or the privacy text needs it for)
REQUIRED_FACTS = [
    ("organisation", "Name des Unternehmens"),
    ("legal_form", "Rechtsform"),
    ("street", "Straße und Hausnummer"),
    ("postal_code", "Postleitzahl"),
    ("city", "Ort"),
    ("email", "E-Mail-Adresse"),
    ("managing_directors", "Geschäftsführerinnen und Geschäftsführer (Namen)"),
    ("register_court", "Registergericht"),
    ("register_number", "Handelsregisternummer"),
    ("vat_id", "Umsatzsteuer-Identifikationsnummer"),
    ("responsible_person", "Verantwortliche Person nach § 18 Abs. 2 MStV (Name)"),
    ("responsible_address", "Anschrift der verantwortlichen Person nach § 18 Abs. 2 MStV"),
    ("dpo_name", "Datenschutzbeauftragte oder Datenschutzbeauftragter (Name oder Stelle)"),
    ("dpo_address", "Anschrift der oder des Datenschutzbeauftragten"),
    ("dpo_email", "E-Mail-Adresse der oder des Datenschutzbeauftragten"),
    ("hosting_provider", "Hosting-Dienstleister (Name und Sitz)"),
    ("accessibility_checked_on", "Datum der letzten Prüfung der Barrierefreiheit"),
]

SECOND_CHANNEL = (
    "Zweiter schneller Kontaktweg neben der E-Mail: eine Telefonnummer oder eine "
    "veröffentlichte Kontaktseite mit Formular (EuGH C-298/07)"
)
DPO_NOT_PROJECT_MAILBOX = (
    "Eigene E-Mail-Adresse der oder des Datenschutzbeauftragten (nicht das Postfach des Projekts)"
)


def missing_facts(site_settings, has_contact_form):
    """German labels of the legal facts not yet filled in, in the order of the Impressum.
    Nothing is invented: an empty field stays empty on the site and is listed here."""
    missing = [
        label
        for field, label in REQUIRED_FACTS
        if not str(getattr(site_settings, field) or "").strip()
    ]
    if not site_settings.phone.strip() and not has_contact_form:
        missing.append(SECOND_CHANNEL)
    dpo_email = site_settings.dpo_email.strip().lower()
    if dpo_email and dpo_email == site_settings.email.strip().lower():
        missing.append(DPO_NOT_PROJECT_MAILBOX)
    return missing


def months_ago(months, now=None):
    """The moment ``months`` calendar months before ``now`` (day clamped to the month's
    length: 31 August minus six months is 28 or 29 February)."""
    now = now or timezone.now()
    month_index = now.year * 12 + now.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return now.replace(year=year, month=month, day=min(now.day, last_day))


GERMAN_NUMBERS = {
    1: "einem",
    2: "zwei",
    3: "drei",
    4: "vier",
    5: "fünf",
    6: "sechs",
    7: "sieben",
    8: "acht",
    9: "neun",
    10: "zehn",
    11: "elf",
    12: "zwölf",
}


def german_count(number, singular, plural):
    """„sechs Monaten“, „einem Monat“, „14 Tagen“: a period as the privacy text names it
    (dative: „nach …“)."""
    word = GERMAN_NUMBERS.get(number, str(number))
    return f"{word} {singular if number == 1 else plural}"


def form_retention_text():
    return german_count(settings.FORM_RETENTION_MONTHS, "Monat", "Monaten")


def log_retention_text():
    return german_count(settings.LOG_RETENTION_DAYS, "Tag", "Tagen")


def media_storage():
    """Where uploaded images and documents are stored and served from, as the privacy text
    describes it: ``None`` (this server) or a dict with the storage host, its operator and
    whether it lies outside the EU/EEA as far as the configuration tells (``None``: it does
    not tell, so the text neither claims nor denies a transfer)."""
    if not getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""):
        return None
    options = settings.STORAGES["default"].get("OPTIONS", {})
    endpoint = options.get("endpoint_url") or ""
    region = options.get("region_name") or ""
    custom_domain = options.get("custom_domain") or ""
    if endpoint:
        host = urlsplit(endpoint).hostname or endpoint
        operator = settings.MEDIA_STORAGE_OPERATOR or f"den Betreiber von {host}"
        outside_eu = None  # unknown for another provider's store: the text claims nothing
        location = settings.MEDIA_STORAGE_LOCATION or ""
    else:
        host = "Amazon S3"
        operator = settings.MEDIA_STORAGE_OPERATOR or "Amazon Web Services EMEA SARL"
        outside_eu = not region.startswith("eu-")
        location = settings.MEDIA_STORAGE_LOCATION or f"AWS-Region {region}"
    return {
        "host": host,
        "operator": operator,
        "location": location,
        "outside_eu": outside_eu,
        "cdn": urlsplit(settings.MEDIA_URL).hostname if custom_domain else "",
    }


PAGE_CDNS = {
    "cloudflare": "Cloudflare, Inc. (USA)",
    "cloudfront": "Amazon CloudFront (Amazon Web Services, Inc., USA)",
}


def page_cdns():
    """Third-party content delivery networks in front of the pages (Varnish is our own)."""
    configured = getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}
    return [label for name, label in PAGE_CDNS.items() if name in configured]


def contact_page():
    """The live contact page (the second quick contact channel of the Impressum), or None."""
    from partnerships.models import ContactPage

    return ContactPage.objects.live().public().first()


def privacy_facts():
    """Everything the generated sections of the legal pages say about the configuration."""
    cdns = page_cdns()
    media = media_storage()
    return {
        "page_cdns": cdns,
        # Said only when the configuration shows it: no third-party CDN, media here or in an
        # EU region.
        "no_transfer": not cdns and (media is None or media["outside_eu"] is False),
        "admin_session_hours": settings.SESSION_COOKIE_AGE // 3600,
        "log_retention": log_retention_text(),
        "log_retention_days": settings.LOG_RETENTION_DAYS,
        "form_retention": form_retention_text(),
        "media_storage": media,
        "rate_window_minutes": settings.CONTACT_RATE_WINDOW // 60,
    }


def expired_submissions_cutoff(now=None):
    return months_ago(settings.FORM_RETENTION_MONTHS, now)


def delete_expired_submissions(now=None):
    """Delete form submissions (contact and accessibility feedback) older than
    ``FORM_RETENTION_MONTHS``; returns how many went. Run by the scheduler."""
    from wagtail.contrib.forms.models import FormSubmission

    deleted, _ = FormSubmission.objects.filter(
        submit_time__lt=expired_submissions_cutoff(now)
    ).delete()
    return deleted


def default_site_settings():
    from wagtail.models import Site

    from partnerships.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return SiteSettings.for_site(site) if site else SiteSettings()


def imprint_page():
    """A live, public standard page showing the generated provider identification."""
    from partnerships.models import StandardPage

    for page in StandardPage.objects.live().public().only("id", "body"):
        for block in page.body:
            if block.block_type == "legal_section" and block.value["section"] == "anbieter":
                return page
    return None

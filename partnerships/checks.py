"""System checks. ``check --deploy`` (production) reports every legal fact of the Impressum the
client has not supplied (partnerships.E100) and a missing Impressum page (partnerships.E101):
nothing is invented, and the site does not go live without them. A staging site silences
them with ``SILENCED_SYSTEM_CHECKS=partnerships.E100,partnerships.E101``."""

from django.core import checks
from django.db import DatabaseError

IMPRESSUM_SECTION = "anbieter"


@checks.register(checks.Tags.security, deploy=True)
def legal_facts(app_configs=None, **kwargs):
    from partnerships import legal

    try:
        site_settings = legal.default_site_settings()
        has_contact_form = legal.contact_page() is not None
        missing = legal.missing_facts(site_settings, has_contact_form)
        has_imprint = legal.imprint_page() is not None
    except DatabaseError as error:
        return [
            checks.Warning(
                f"Die Impressumsangaben konnten nicht geprüft werden: Datenbank nicht "
                f"erreichbar ({error}).",
                id="partnerships.W100",
            )
        ]
    errors = [
        checks.Error(
            f"Impressum/Datenschutz: „{label}“ fehlt.",
            hint="Unter Einstellungen → Website-Einstellungen eintragen; erfunden wird nichts.",
            obj="SiteSettings",
            id="partnerships.E100",
        )
        for label in missing
    ]
    if not has_imprint:
        errors.append(
            checks.Error(
                "Keine veröffentlichte Seite zeigt die Anbieterkennzeichnung (§ 5 DDG).",
                hint="Im Impressum den Baustein „Abschnitt aus den Einstellungen“ mit "
                "„Anbieterkennzeichnung“ einfügen und veröffentlichen.",
                id="partnerships.E101",
            )
        )
    return errors

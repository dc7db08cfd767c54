"""Every contact typed into a case study becomes an „Ansprechpartner“ snippet, linked to it.

Pages and their revisions (drafts, scheduled versions, the history editors can restore) are
converted alike, so the page editor shows the contact as well. Contacts are shared by name
and e-mail address; one whose role or phone differs from an earlier one with the same name
and address (both set, not equal) gets a snippet of its own, so every page keeps what it
showed. A role or phone only some pages give completes the shared snippet; draft revisions
never complete a snippet (the live pages would show unpublished text), they get their own. The old fields are removed in the next migration, once everything is linked.
"""

from django.db import migrations

OLD_FIELDS = ("contact_name", "contact_role", "contact_email", "contact_phone")


def _clean(value):
    return (value or "").strip()


class Persons:
    """Finds or creates the snippet for one typed-in contact (deduplicated)."""

    def __init__(self, ContactPerson):
        self.model = ContactPerson
        self.by_key = {}

    def get(self, name, role, email, phone, may_complete=True):
        """The snippet for this contact. ``may_complete``: a snippet of the same person may
        gain the role or phone it lacks (for published pages; a draft revision never changes
        what a live page shows, it gets a snippet of its own instead)."""
        name, role, email, phone = map(_clean, (name, role, email, phone))
        if not (name or email or phone or role):
            return None
        key = (name.casefold(), email.casefold())
        if key not in self.by_key:
            self.by_key[key] = list(
                self.model.objects.filter(name__iexact=name, email__iexact=email).order_by("pk")
            )
        candidates = self.by_key[key]
        details = {"role": role, "phone": phone}
        for person in candidates:
            current = {field: getattr(person, field) for field in details}
            if all(not new or not current[f] or current[f] == new for f, new in details.items()):
                missing = [f for f, new in details.items() if new and not current[f]]
                if missing and not may_complete:
                    continue
                for field in missing:
                    setattr(person, field, details[field])
                if missing:
                    person.save(update_fields=missing)
                return person
        # The old "Funktion / Organisation" was one field: it is kept whole as the role.
        person = self.model.objects.create(name=name, role=role, email=email, phone=phone)
        candidates.append(person)
        return person


def forwards(apps, schema_editor):
    CaseStudyPage = apps.get_model("casestudies", "CaseStudyPage")
    Link = apps.get_model("casestudies", "CaseStudyContactPerson")
    ContactPerson = apps.get_model("partnerships", "ContactPerson")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    persons = Persons(ContactPerson)

    for page in CaseStudyPage.objects.order_by("path").only("pk", *OLD_FIELDS):
        person = persons.get(*(getattr(page, field) for field in OLD_FIELDS))
        if person is not None and not Link.objects.filter(page_id=page.pk).exists():
            Link.objects.create(page_id=page.pk, person=person, sort_order=0)

    content_type = ContentType.objects.filter(app_label="casestudies", model="casestudypage")
    for revision in Revision.objects.filter(content_type__in=content_type).order_by("pk"):
        content = revision.content
        if not isinstance(content, dict) or not any(field in content for field in OLD_FIELDS):
            continue
        person = persons.get(*(content.get(field) for field in OLD_FIELDS), may_complete=False)
        for field in OLD_FIELDS:
            content.pop(field, None)
        if "contact_persons" not in content:
            content["contact_persons"] = (
                [{"pk": None, "page": content.get("pk"), "sort_order": 0, "person": person.pk}]
                if person is not None
                else []
            )
        revision.content = content
        revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    """The first contact person back into the typed fields (role and organisation joined)."""
    CaseStudyPage = apps.get_model("casestudies", "CaseStudyPage")
    Link = apps.get_model("casestudies", "CaseStudyContactPerson")
    ContactPerson = apps.get_model("partnerships", "ContactPerson")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")

    def fields_of(person):
        if person is None:
            return dict.fromkeys(OLD_FIELDS, "")
        role = " – ".join(part for part in (person.role, person.organisation) if part)
        return {
            "contact_name": person.name,
            "contact_role": role[:200],
            "contact_email": person.email,
            "contact_phone": person.phone,
        }

    for link in Link.objects.select_related("person").order_by("page_id", "sort_order", "pk"):
        CaseStudyPage.objects.filter(pk=link.page_id, contact_name="", contact_email="").update(
            **fields_of(link.person)
        )
    content_type = ContentType.objects.filter(app_label="casestudies", model="casestudypage")
    for revision in Revision.objects.filter(content_type__in=content_type).order_by("pk"):
        content = revision.content
        if not isinstance(content, dict) or "contact_persons" not in content:
            continue
        links = content.pop("contact_persons") or [{}]
        person = ContactPerson.objects.filter(pk=links[0].get("person")).first()
        content.update(fields_of(person))
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0004_casestudypage_contact_persons"),
        ("partnerships", "0012_contactperson"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

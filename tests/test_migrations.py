"""Data migrations keep what editors stored.

The module has an ordinary database test too: pytest-django sets up the test database only
for a session with a test marked for it, and the migration test below is not (it commits).
"""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.browser.conftest import assert_test_database, restore


def test_a_case_study_can_cite_only_a_concept_page(home):
    from casestudies.models import CaseStudyConceptLink
    from tests.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory, StandardPageFactory

    case_study = CaseStudyPageFactory(parent=CaseStudyIndexPageFactory(parent=home))
    impressum = StandardPageFactory(parent=home, title="Impressum", slug="impressum")
    with pytest.raises(ValueError, match="ConceptPage"):
        CaseStudyConceptLink(page=case_study, concept=impressum)


def test_the_migration_to_a_concept_page_foreign_key_keeps_every_link(
    django_db_setup, django_db_blocker
):
    """Back to the generic page link, citations stored there, forward again: the link to a
    concept page is kept, one to another page (which the new key cannot hold) is dropped.
    Committed (migrations cannot run in a transaction on SQLite); the database is restored
    afterwards."""
    from tests.factories import build_site

    before = [("casestudies", "0002_initial")]
    after = [("casestudies", "0003_concept_link_to_concept_page")]
    with django_db_blocker.unblock():
        assert_test_database(connection)
        latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
        for model in apps.get_models():
            ContentType.objects.get_for_model(model, for_concrete_model=False)
        snapshot = connection.creation.serialize_db_to_string()
        try:
            site = build_site()
            case_study = site.case_studies["oldenburg"]
            concept = site.concepts[1]
            executor = MigrationExecutor(connection)
            executor.migrate(before)
            try:
                old = executor.loader.project_state(before).apps
                link = old.get_model("casestudies", "CaseStudyConceptLink")
                kept = link.objects.create(page_id=case_study.pk, concept_id=concept.pk)
                dropped = link.objects.create(page_id=case_study.pk, concept_id=site.impressum.pk)
                earlier = link.objects.filter(page_id=case_study.pk).count() - 1
            finally:
                MigrationExecutor(connection).migrate(latest)
            links = (
                MigrationExecutor(connection)
                .loader.project_state(after)
                .apps.get_model("casestudies", "CaseStudyConceptLink")
                .objects
            )
            assert links.filter(pk=kept.pk, concept_id=concept.pk).exists()
            assert not links.filter(pk=dropped.pk).exists()
            assert links.filter(page_id=case_study.pk).count() == earlier
        finally:
            restore(connection, snapshot)


# The typed-in contacts of case studies before the „Ansprechpartner“ snippet, page by page:
# (name, role, e-mail, phone).
OLD_CONTACTS = {
    "oldenburg": (
        "Dr. Anna Beispiel",
        "Wirtschaftsförderung Landkreis Vechta",
        "anna@example.org",
        "",
    ),
    # The same person (name and address, other spelling of the address): one snippet, which
    # gains the phone number given only here.
    "owl": ("Dr. Anna Beispiel", "", "Anna@Example.org", "04441 898-0"),
    # Same name and address, but another role: a snippet of its own, so no page changes.
    "cloppenburg": ("Dr. Anna Beispiel", "Landkreis Cloppenburg", "anna@example.org", ""),
    # Only a phone number and a name.
    "leipzig": ("Max Hafen", "Hafenbetrieb", "", "0341 123 45"),
    # No contact at all: no snippet, no link.
    "allgaeu": ("", "", "", ""),
}
# The draft case study: the live row and a later draft revision with another contact.
DRAFT_ROW = ("Lena Weser", "Hafenamt Bremen", "lena@example.org", "")
DRAFT_REVISION = ("Lena Weser", "Hafenamt Bremen", "lena@example.org", "0421 1234")


def test_the_migration_to_contact_person_snippets_keeps_every_contact(
    django_db_setup, django_db_blocker
):
    """Back to the typed-in contact fields, contacts stored there on pages and in a draft
    revision, forward again: every contact is a snippet linked to its page (shared by name
    and e-mail address), the draft's too, and the old fields are gone."""
    from casestudies.models import CaseStudyPage
    from tests.factories import build_site

    before = [
        ("casestudies", "0003_concept_link_to_concept_page"),
        ("concepts", "0002_initial"),
        ("partnerships", "0011_search_index_title_body_gin"),
    ]
    fields = ("contact_name", "contact_role", "contact_email", "contact_phone")
    with django_db_blocker.unblock():
        assert_test_database(connection)
        for model in apps.get_models():
            ContentType.objects.get_for_model(model, for_concrete_model=False)
        snapshot = connection.creation.serialize_db_to_string()
        latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
        try:
            site = build_site()
            pages = {key: site.case_studies[key].pk for key in OLD_CONTACTS}
            draft = CaseStudyPage.objects.get(pk=site.draft_case_study.pk)
            revision_pk = draft.save_revision().pk
            executor = MigrationExecutor(connection)
            executor.migrate(before)
            try:
                old = executor.loader.project_state(before).apps
                old_page = old.get_model("casestudies", "CaseStudyPage")
                assert not any(m._meta.model_name == "contactperson" for m in old.get_models()), (
                    "the snippet must not exist yet"
                )
                for key, values in OLD_CONTACTS.items():
                    old_page.objects.filter(pk=pages[key]).update(
                        **dict(zip(fields, values, strict=True))
                    )
                old_page.objects.filter(pk=draft.pk).update(
                    **dict(zip(fields, DRAFT_ROW, strict=True))
                )
                revision = old.get_model("wagtailcore", "Revision").objects.get(pk=revision_pk)
                revision.content = {
                    **{k: v for k, v in revision.content.items() if k != "contact_persons"},
                    **dict(zip(fields, DRAFT_REVISION, strict=True)),
                }
                revision.save()
            finally:
                MigrationExecutor(connection).migrate(latest)

            from wagtail.models import Revision

            from casestudies.models import CaseStudyContactPerson
            from partnerships.models.contact_persons import ContactPerson

            def contacts_of(pk):
                return [
                    (link.person.name, link.person.role, link.person.email, link.person.phone)
                    for link in CaseStudyContactPerson.objects.filter(page_id=pk)
                ]

            anna = contacts_of(pages["oldenburg"])
            assert anna == [
                (
                    "Dr. Anna Beispiel",
                    "Wirtschaftsförderung Landkreis Vechta",
                    "anna@example.org",
                    "04441 898-0",
                )
            ]
            assert contacts_of(pages["owl"]) == anna  # the same snippet
            assert contacts_of(pages["cloppenburg"]) == [
                ("Dr. Anna Beispiel", "Landkreis Cloppenburg", "anna@example.org", "")
            ]
            assert contacts_of(pages["leipzig"]) == [OLD_CONTACTS["leipzig"]]
            assert contacts_of(pages["allgaeu"]) == []
            assert contacts_of(draft.pk) == [DRAFT_ROW]
            # The draft an editor opens (the latest revision) shows the draft's contact.
            in_editor = Revision.objects.get(pk=revision_pk).as_object()
            assert [(p.person.name, p.person.phone) for p in in_editor.contact_persons.all()] == [
                ("Lena Weser", "0421 1234")
            ]
            assert not set(fields) & set(Revision.objects.get(pk=revision_pk).content)
            names = sorted(ContactPerson.objects.values_list("name", flat=True))
            assert names == sorted(
                ["Dr. Anna Beispiel", "Dr. Anna Beispiel", "Max Hafen", "Lena Weser", "Lena Weser"]
            )
            columns = [
                column.name
                for column in connection.introspection.get_table_description(
                    connection.cursor(), CaseStudyPage._meta.db_table
                )
            ]
            assert not set(fields) & set(columns)
        finally:
            restore(connection, snapshot)


@pytest.mark.django_db
def test_branche_moving_to_the_core_keeps_the_groups_permissions():
    """``casestudies.0008`` hands the old content type over, so a group that could edit the
    Branchen before still can (the post_migrate copy without grants goes)."""
    from importlib import import_module

    from django.contrib.auth.models import Group, Permission

    from partnerships.models import Branche

    move = import_module("casestudies.migrations.0008_branche_to_partnerships")
    try:
        _check_the_move(move, Branche, Group, Permission)
    finally:
        # The rows made here are rolled back: no later test may get their ids from the cache.
        ContentType.objects.clear_cache()


def _check_the_move(move, Branche, Group, Permission):
    ContentType.objects.filter(model="branche").delete()
    old = ContentType.objects.create(app_label="casestudies", model="branche")
    grant = Permission.objects.create(content_type=old, codename="change_branche", name="x")
    group = Group.objects.create(name="Branchenpflege")
    group.permissions.add(grant)
    ContentType.objects.clear_cache()
    fresh = ContentType.objects.get_for_model(Branche)  # as post_migrate would make it
    assert fresh.pk != old.pk

    move.rename_content_type(apps, None)

    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(Branche).pk == old.pk
    assert group.permissions.get().content_type.app_label == "partnerships"
    assert not ContentType.objects.filter(app_label="casestudies", model="branche").exists()

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
                MigrationExecutor(connection).migrate(after)
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

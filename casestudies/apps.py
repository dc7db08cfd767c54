from django.apps import AppConfig


class CasestudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Praxisbeispiele"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partnerships.caching import memoize

        from . import models

        # Listings and cards the same for every visitor until the content changes: built once
        # per content version (partnerships.caching.memo). Visitors choose the filter values:
        # at most every combination of them.
        memoize(models, "snippet_choices")
        memoize(models, "concept_choices")
        memoize(models.CaseStudyIndexPage, "filtered_ids", limit=1000)
        memoize(models.CaseStudyIndexPage, "cards", limit=5000)
        memoize(models.CaseStudyPage, "more_case_studies")
        memoize(models.CaseStudyPage, "more_case_study_cards")

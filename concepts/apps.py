from django.apps import AppConfig


class ConceptsConfig(AppConfig):
    name = "concepts"
    verbose_name = "Das Konzept"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partnerships.caching import memoize

        from . import models

        # Count the citing case studies once per content version (partnerships.caching.memo).
        memoize(models.ConceptPage, "citations")
        memoize(models, "case_study_index")

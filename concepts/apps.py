from django.apps import AppConfig


class ConceptsConfig(AppConfig):
    name = "concepts"
    verbose_name = "Das Konzept"
    default_auto_field = "django.db.models.BigAutoField"

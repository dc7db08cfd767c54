from django.apps import AppConfig


class CasestudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Praxisbeispiele"
    default_auto_field = "django.db.models.BigAutoField"

from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = "Website"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partnerships import signals  # noqa: F401
        from partnerships.caching import declarations, frontend, pagecache, version  # noqa: F401

        declarations.declare()

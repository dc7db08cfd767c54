from django.apps import AppConfig


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = "Website"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from partnerships.caching import declarations, frontend, pagecache, version  # noqa: F401
        from partnerships.editorial import signals as editorial_signals  # noqa: F401
        from partnerships.search import signals as search_signals  # noqa: F401

        declarations.declare()

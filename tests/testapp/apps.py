from django.apps import AppConfig


class TestAppConfig(AppConfig):
    """A page type added later, as a new feature app would be (tests only; no migrations: the
    test database creates its table directly)."""

    name = "tests.testapp"
    label = "testapp"
    default_auto_field = "django.db.models.BigAutoField"

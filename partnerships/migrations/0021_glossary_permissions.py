from django.contrib.auth.management import create_permissions
from django.db import migrations

from partnerships.editorial.permissions import (
    EDITORS,
    GLOSSARY_MODEL,
    MODERATORS,
    grant_glossary_permissions,
)


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    grant_glossary_permissions(apps)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    app_label, model = GLOSSARY_MODEL
    for group in Group.objects.filter(name__in=[EDITORS, MODERATORS]):
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label=app_label, content_type__model=model
            )
        )


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0020_glossary")]

    operations = [migrations.RunPython(forwards, backwards)]

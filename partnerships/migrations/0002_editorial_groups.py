from django.contrib.auth.management import create_permissions
from django.db import migrations

from partnerships.editorial.permissions import setup_groups


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    setup_groups(apps)
    # Wagtail's own migrations add English "Editors"/"Moderators" groups; this site has the
    # German ones above instead, so the admin offers exactly one set of roles.
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Moderators"]).delete()


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Redakteure", "Moderatoren"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("casestudies", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

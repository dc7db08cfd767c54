from django.contrib.auth.management import create_permissions
from django.db import migrations

from partnerships.editorial.permissions import MODERATORS, grant_moderator_search_permissions


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    grant_moderator_search_permissions(apps)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is not None:
        moderators.permissions.remove(
            *moderators.permissions.filter(
                content_type__app_label__in=["wagtailredirects", "wagtailsearchpromotions"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0003_sitesettings_default_social_image"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

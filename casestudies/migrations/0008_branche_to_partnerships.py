"""Branche now lives in ``partnerships`` (see ``partnerships.0014``): the case studies'
relation points there, the old model leaves the state, and its content type is renamed in
place, so group permissions, revisions and the reference index keep pointing at it."""

import modelcluster.fields
from django.db import migrations


def rename_content_type(apps, schema_editor, old="casestudies", new="partnerships"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=old, model="branche").exists():
        return  # a new database: post_migrate makes the content type later
    # One made by a post_migrate run between the two migrations has only its automatic
    # permissions; the old one holds the groups' permissions: keep that one.
    ContentType.objects.filter(app_label=new, model="branche").delete()
    ContentType.objects.filter(app_label=old, model="branche").update(app_label=new)


def rename_back(apps, schema_editor):
    rename_content_type(apps, schema_editor, old="partnerships", new="casestudies")


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0007_hero_image_help_text"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partnerships", "0014_branche_taxonomy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="casestudypage",
                    name="branchen",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="partnerships.branche", verbose_name="Branchen / Cluster"
                    ),
                ),
                migrations.DeleteModel(name="Branche"),
            ],
            database_operations=[],
        ),
        migrations.RunPython(rename_content_type, rename_back),
    ]

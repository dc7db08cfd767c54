"""Branche becomes site-wide (case studies and events): the model moves from ``casestudies``
to ``partnerships`` in Django's state only; its table (``casestudies_branche``) and rows stay.
``casestudies.0008`` hands the content type over, so permissions and references keep theirs."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0013_contact_person_permissions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Branche",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                max_length=100, unique=True, verbose_name="Bezeichnung"
                            ),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Erscheint im Filter-Link.",
                                max_length=100,
                                unique=True,
                                verbose_name="Kurzname (URL)",
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="Beschreibung")),
                    ],
                    options={
                        "verbose_name": "Branche / Cluster",
                        "verbose_name_plural": "Branchen / Cluster",
                        "db_table": "casestudies_branche",
                        "ordering": ["name"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]

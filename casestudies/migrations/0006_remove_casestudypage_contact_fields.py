# The typed-in contact fields, now that every contact is an „Ansprechpartner“ snippet
# linked to its page (0005).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('casestudies', '0005_contact_fields_to_contact_persons'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='casestudypage',
            name='contact_email',
        ),
        migrations.RemoveField(
            model_name='casestudypage',
            name='contact_name',
        ),
        migrations.RemoveField(
            model_name='casestudypage',
            name='contact_phone',
        ),
        migrations.RemoveField(
            model_name='casestudypage',
            name='contact_role',
        ),
    ]

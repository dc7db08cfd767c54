"""New sections get their editors' permissions."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from partnerships.editorial.permissions import SECTION_MODELS, grant_section_permissions


@receiver(post_save)
def set_up_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw and (sender._meta.app_label, sender._meta.model_name) in SECTION_MODELS:
        grant_section_permissions(instance)

from django.db.models.signals import post_save
from django.dispatch import receiver

from .permissions import EDITOR_SECTION_MODELS, grant_editor_section_permissions


@receiver(post_save)
def grant_permissions_on_new_section(sender, instance, created, raw=False, **kwargs):
    if (
        created
        and not raw
        and (sender._meta.app_label, sender._meta.model_name) in (EDITOR_SECTION_MODELS)
    ):
        grant_editor_section_permissions(instance)

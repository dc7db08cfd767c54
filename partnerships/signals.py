from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from partnerships.permissions import SECTION_MODELS, grant_section_permissions


@receiver(post_save)
def set_up_new_section(sender, instance, created, raw=False, **kwargs):
    if created and not raw and (sender._meta.app_label, sender._meta.model_name) in SECTION_MODELS:
        grant_section_permissions(instance)


@receiver(page_published)
def reindex_with_related_objects(sender, instance, **kwargs):
    """Index the page again once it is published completely.

    The search index is updated on ``post_save``, which fires before modelcluster saves the
    page's child objects (partners, tags, Branchen); without this, new partner names or tags
    would be found only after the next publication.
    """
    index.insert_or_update_object(instance)

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from .permissions import SECTION_MODELS, grant_section_permissions


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


@receiver(page_published)
@receiver(page_unpublished)
def purge_frontend_cache_after_commit(sender, instance, **kwargs):
    """Purge the page from Varnish/the CDN once more when the transaction has committed.

    Wagtail's own purge runs inside the publishing transaction: a visitor request that reaches
    the cache in between would fetch and cache the old version again, for the whole TTL.
    """
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(lambda: purge_page_from_cache(instance))

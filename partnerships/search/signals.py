"""Pages are indexed again once published with their child objects."""

from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published


@receiver(page_published)
def reindex_with_related_objects(sender, instance, **kwargs):
    """Index the page again once it is published completely.

    The search index is updated on ``post_save``, which fires before modelcluster saves the
    page's child objects (partners, tags, Branchen); without this, new partner names or tags
    would be found only after the next publication.
    """
    index.insert_or_update_object(instance)

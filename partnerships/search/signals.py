"""Pages are indexed again once published with their child objects; the glossary page
whenever a term changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

from partnerships.models.glossary import GlossaryPage, GlossaryTerm


@receiver(page_published)
def reindex_with_related_objects(sender, instance, **kwargs):
    """Index the page again once it is published completely.

    The search index is updated on ``post_save``, which fires before modelcluster saves the
    page's child objects (partners, tags, Branchen); without this, new partner names or tags
    would be found only after the next publication.
    """
    index.insert_or_update_object(instance)


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def reindex_glossary(sender, raw=False, **kwargs):
    """The glossary page's index entry holds every term (``GlossaryPage.glossary_text``)."""
    if raw:
        return
    for page in GlossaryPage.objects.live():
        index.insert_or_update_object(page)

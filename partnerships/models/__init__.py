"""The models of the ``partnerships`` app (the site-wide ones), by subject."""

from partnerships.models.base import BasePage, IndexPage
from partnerships.models.contact import ContactRateHit
from partnerships.models.contact_persons import ContactPerson, PageContactPerson
from partnerships.models.easy_language import EasyLanguagePage
from partnerships.models.glossary import GlossaryPage, GlossaryTerm
from partnerships.models.home import HomePage, HomePageFeaturedItem
from partnerships.models.images import CustomImage, CustomRendition
from partnerships.models.newsletter import (
    Alert,
    ConsentProof,
    ConsentText,
    Delivery,
    Dispatch,
    NewsletterIssue,
    SenderLease,
    Subscriber,
)
from partnerships.models.pages import (
    AccessibilityFormField,
    AccessibilityPage,
    ContactFormField,
    ContactPage,
    StandardPage,
)
from partnerships.models.settings import ContentVersion, SiteSettings
from partnerships.models.taxonomy import BUNDESLAENDER, Branche

__all__ = [
    "Alert",
    "ConsentProof",
    "ConsentText",
    "Delivery",
    "Dispatch",
    "NewsletterIssue",
    "SenderLease",
    "Subscriber",
    "BUNDESLAENDER",
    "BasePage",
    "Branche",
    "ContactFormField",
    "AccessibilityFormField",
    "AccessibilityPage",
    "ContactPage",
    "ContactPerson",
    "ContactRateHit",
    "ContentVersion",
    "CustomImage",
    "CustomRendition",
    "GlossaryPage",
    "GlossaryTerm",
    "HomePage",
    "HomePageFeaturedItem",
    "IndexPage",
    "PageContactPerson",
    "SiteSettings",
    "StandardPage",
    "EasyLanguagePage",
]

"""The personal links in the mails: signed, so they cannot be guessed or altered.

A confirmation link is valid for ``NEWSLETTER_CONFIRM_HOURS`` (48 h); the links to the
settings and to unsubscribe stay valid as long as the subscription exists (they name the
subscriber's random key, which is deleted with it).
"""

from django.conf import settings
from django.core import signing

SALTS = {
    "confirm": "partnerships.newsletter.confirm",
    "manage": "partnerships.newsletter.manage",
}


def make(purpose, subscriber):
    return signing.dumps(str(subscriber.key), salt=SALTS[purpose], compress=False)


def read(purpose, token):
    """The subscriber key in ``token``, or None for a forged, altered or expired token."""
    max_age = settings.NEWSLETTER_CONFIRM_HOURS * 3600 if purpose == "confirm" else None
    try:
        return signing.loads(token, salt=SALTS[purpose], max_age=max_age)
    except signing.BadSignature:  # SignatureExpired is one
        return None

"""Login protection helpers for django-axes."""

from django.conf import settings


def client_ip_address(request):
    """The visitor's address as the outermost trusted proxy saw it.

    With ``TRUSTED_PROXY_COUNT = 0`` (no proxy) that is ``REMOTE_ADDR`` and ``X-Forwarded-For``
    is ignored. With n trusted proxies, each appending the address it received the request
    from, the n-th entry from the right is the one the outermost proxy wrote; whatever a
    client put further left is not trusted.
    """
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")

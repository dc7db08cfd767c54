"""The contact form's rate-limit counter."""

from django.db import models


class ContactRateHit(models.Model):
    """One counted contact form submission, for the rate limit (``partnerships.contact``).

    Kept in the database, not in the cache: a cache may lose or evict its counters (Redis
    down, ``allkeys-lru``), which would open the form to spam. The address is stored only as
    a salted hash; rows older than the window are deleted with the next submission.
    """

    client = models.CharField("Absender (Hash)", max_length=32)
    created = models.DateTimeField("Zeitpunkt", db_index=True)

    class Meta:
        verbose_name = "Kontaktformular-Zählung"
        verbose_name_plural = "Kontaktformular-Zählungen"
        indexes = [models.Index(fields=["client", "created"], name="contact_rate_client_time")]

    def __str__(self):
        return f"{self.client} {self.created:%Y-%m-%d %H:%M:%S}"

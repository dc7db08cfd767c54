"""Django's SMTP backend, telling whether a lost connection lost a mail in transit.

A connection that breaks before the message's data was sent lost nothing: the mail goes
back into the queue. One that breaks while the data is sent or before the server's answer
may or may not have delivered it: that mail is marked *ungewiss* and never sent again.
"""

import smtplib

from django.core.mail.backends import smtp


class TrackingSMTP(smtplib.SMTP):
    in_data = False

    def data(self, msg):
        self.in_data = True
        try:
            return super().data(msg)
        finally:
            self.in_data = False


class TrackingSMTPSSL(smtplib.SMTP_SSL):
    in_data = False
    data = TrackingSMTP.data


class EmailBackend(smtp.EmailBackend):
    @property
    def connection_class(self):
        return TrackingSMTPSSL if self.use_ssl else TrackingSMTP

    def was_in_data(self):
        return bool(getattr(self.connection, "in_data", False))

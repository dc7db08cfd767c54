"""A real SMTP server on loopback for the mail tests (aiosmtpd), with switches for what a
mail server does wrong: refuse recipients with 550, drop the connection after a message."""

import asyncio
import contextlib
import email
import socket
from email import policy

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self):
        self.messages = []
        self.refuse = set()
        self.drop_after = None  # close the connection after this many messages (once)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Postfach nicht vorhanden"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        if self.drop_after is not None and len(self.messages) >= self.drop_after:
            self.drop_after = None
            # after the 250 below has been written: the client finds out at its next command
            asyncio.get_running_loop().call_soon(server.transport.close)
        return "250 OK"

    def to(self, address):
        return [m for m in self.messages if m["To"] == address]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def smtp_server():
    handler = Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield controller, handler
    finally:
        controller.stop()

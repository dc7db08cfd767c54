"""Free TCP ports on loopback, for the throw-away servers of the benchmark and CI drills.

Library: ``free_ports(first, last, count)``. Command line (the shell scripts in ``.ci/``):
``python bench/ports.py FIRST LAST COUNT`` prints one port per line, or exits 1 with a message.
"""

import socket
import sys


def free_ports(first, last, count):
    """``count`` ports in ``first``..``last`` nobody listens on now, lowest first."""
    ports = []
    for port in range(first, last + 1):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        ports.append(port)
        if len(ports) == count:
            return ports
    raise LookupError(f"keine {count} freien Ports in {first}-{last} / not enough free ports")


if __name__ == "__main__":
    try:
        print("\n".join(map(str, free_ports(*(int(a) for a in sys.argv[1:4])))))
    except LookupError as exc:
        sys.exit(str(exc))

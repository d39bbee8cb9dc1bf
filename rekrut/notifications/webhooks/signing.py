"""How a delivery is signed, and how a receiver checks it (the same code serves the docs and the tests).

The header is `Rekrut-Signature: t=<unix time>,v1=<hex>[,v1=<hex>]` where each v1 is
HMAC-SHA256(secret, "<t>.<raw body>"). During a secret's rotation the previous secret signs too, so a
receiver holding either secret accepts the delivery. Signing the time with the body lets the receiver refuse
an old delivery replayed later (compare t with its clock).
"""

import hashlib
import hmac

SIGNATURE_HEADER = "Rekrut-Signature"
TOLERANCE_SECONDS = 300


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    signed = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(*, secrets: list[str], timestamp: int, body: bytes) -> str:
    parts = [f"t={timestamp}"] + [
        f"v1={signature(secret=s, timestamp=timestamp, body=body)}" for s in secrets
    ]
    return ",".join(parts)


def signature_is_valid(*, header: str, secret: str, body: bytes, now: int) -> bool:
    """What a receiver runs: a v1 made with its secret, and a timestamp within five minutes of its clock."""
    fields = [part.split("=", 1) for part in header.split(",") if "=" in part]
    stamps = [value for key, value in fields if key == "t"]
    if len(stamps) != 1 or not stamps[0].isdigit():
        return False
    timestamp = int(stamps[0])
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        return False
    expected = signature(secret=secret, timestamp=timestamp, body=body)
    return any(hmac.compare_digest(expected, value) for key, value in fields if key == "v1")

"""Authentication of the webhooks two senders sign: Chatwoot (>= 4.11.2) and Evolution API
(>= 2.3.0, when the webhook's headers carry a ``jwt_key``). Written by hand; the shared test
vectors in ``tests/fixtures/webhook-auth/vectors.json`` (made with Python's standard library
and cross-checked with openssl) hold this module, the TypeScript package and the Rust SDK to
the same verdicts.

    from chat_events_types.webhook_auth import verify_chatwoot_signature

    verdict = verify_chatwoot_signature(
        [secret],
        request.headers.get("X-Chatwoot-Signature"),
        request.headers.get("X-Chatwoot-Timestamp"),
        raw_body,  # bytes as received
    )
    if not verdict.ok:
        return 401  # verdict.reason: "stale_timestamp", "bad_signature"...

Standard library only (``hmac``, ``hashlib``, ``base64``, ``json``): verifying HS256 is one
HMAC-SHA256 and a comparison, and this module must accept nothing else, so no JWT library
(which would bring other algorithms, ``none`` and RS256 among them, chosen by the token's own
header). Secrets and tokens are never put in a verdict or an error message.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import math
import re
import time
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Union

__all__ = ["Verdict", "verify_chatwoot_signature", "verify_evolution_jwt"]

_SIGNATURE = re.compile(r"sha256=([0-9a-fA-F]{64})")
_DIGITS = re.compile(r"[0-9]+")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Verdict:
    """The verdict on a webhook: ``ok``, or why not (``reason``).

    ``reason`` is one of, for Chatwoot: ``missing_signature``, ``missing_timestamp``,
    ``malformed_timestamp``, ``malformed_signature``, ``stale_timestamp``,
    ``future_timestamp``, ``bad_signature``; for Evolution API: ``missing_token``,
    ``malformed_token``, ``unsupported_algorithm``, ``bad_signature``, ``missing_expiry``,
    ``expired``, ``issued_in_future``. ``claims`` is the accepted JWT's payload (Evolution
    API: ``iat``, ``exp``, ``app``, ``action``), otherwise ``None``.
    """

    ok: bool
    reason: Optional[str] = None
    claims: Optional[Dict[str, Any]] = None

    def __bool__(self) -> bool:
        return self.ok


_OK = Verdict(True)


def _refuse(reason: str) -> Verdict:
    return Verdict(False, reason)


def verify_chatwoot_signature(
    secrets: Sequence[str],
    signature: Optional[str],
    timestamp: Optional[str],
    body: Union[bytes, bytearray, memoryview, str],
    now: Optional[float] = None,
    tolerance_seconds: float = 300,
) -> Verdict:
    """Checks a Chatwoot webhook.

    ``X-Chatwoot-Signature`` (``signature``) must be ``sha256=`` and the hex HMAC-SHA256, with
    one of ``secrets`` (each used as its UTF-8 bytes; several while rotating), of
    ``"{X-Chatwoot-Timestamp}.{raw body}"``, and the timestamp (Unix seconds) within
    ``tolerance_seconds`` of ``now`` (the clock when ``None``). ``body`` is the raw request
    body: the bytes as received, or their text (encoded as UTF-8); a body parsed and
    serialized again is not what was signed. A header is missing when ``None``.

    The checks run in this order, the first that fails giving the reason: signature present,
    timestamp present, timestamp decimal digits, signature ``sha256=`` and 64 hex digits
    (either case), timestamp not too old nor too far ahead, HMAC (constant-time comparison).
    Raises ``ValueError`` only when called wrongly (no secret, an empty secret, a negative
    tolerance).
    """
    keys = _keys(secrets)
    tolerance = _seconds(tolerance_seconds, "tolerance_seconds")
    current = time.time() // 1 if now is None else _seconds(now, "now")
    if signature is None:
        return _refuse("missing_signature")
    if timestamp is None:
        return _refuse("missing_timestamp")
    if not _DIGITS.fullmatch(timestamp):
        return _refuse("malformed_timestamp")
    match = _SIGNATURE.fullmatch(signature)
    if match is None:
        return _refuse("malformed_signature")
    significant = timestamp.lstrip("0")
    # More than 20 significant digits is far beyond any clock (and int() refuses very long text).
    sent = int(significant or "0") if len(significant) <= 20 else math.inf
    if current - sent > tolerance:
        return _refuse("stale_timestamp")
    if sent - current > tolerance:
        return _refuse("future_timestamp")
    given = bytes.fromhex(match.group(1))
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    message = timestamp.encode("ascii") + b"." + raw
    matched = False
    for key in keys:
        expected = hmac.new(key, message, hashlib.sha256).digest()
        # Every secret is tried, so the time taken does not tell which one matched.
        matched = hmac.compare_digest(expected, given) or matched
    return _OK if matched else _refuse("bad_signature")


def verify_evolution_jwt(
    secrets: Sequence[str],
    authorization: Optional[str],
    now: Optional[float] = None,
    leeway_seconds: float = 60,
) -> Verdict:
    """Checks an Evolution API webhook's ``Authorization: Bearer <JWT>`` header.

    The token must be a compact JWS whose header says ``"alg": "HS256"`` (anything else is
    refused, ``none`` and RS256 among them), its HMAC-SHA256 made with one of ``secrets`` (the
    ``jwt_key``; each used as its UTF-8 bytes; several while rotating), with an ``exp`` not
    past ``now`` (the clock when ``None``) by more than ``leeway_seconds``, and an ``iat``,
    when present, not ahead of ``now`` by more than that. ``authorization`` is missing when
    ``None``.

    The checks run in this order: header present and ``Bearer ``, three base64url parts whose
    first two are JSON objects, algorithm, signature (constant-time comparison), ``exp``
    present, the claims' types, expiry, issue time. ``nbf``, ``aud`` and ``iss`` are not
    checked (Evolution API sends none). Raises ``ValueError`` only when called wrongly (no
    secret, an empty secret, a negative leeway).
    """
    keys = _keys(secrets)
    leeway = _seconds(leeway_seconds, "leeway_seconds")
    current = time.time() // 1 if now is None else _seconds(now, "now")
    if not isinstance(authorization, str) or not authorization.startswith("Bearer "):
        return _refuse("missing_token")
    parts = authorization[len("Bearer ") :].split(".")
    if len(parts) != 3 or not all(_BASE64URL.fullmatch(part) and len(part) % 4 != 1 for part in parts):
        return _refuse("malformed_token")
    header_part, payload_part, signature_part = parts
    header = _json_object(header_part)
    claims = _json_object(payload_part)
    if header is None or claims is None:
        return _refuse("malformed_token")
    if header.get("alg") != "HS256":
        return _refuse("unsupported_algorithm")
    signing_input = f"{header_part}.{payload_part}".encode("ascii")
    given = signature_part.encode("ascii")
    matched = False
    for key in keys:
        digest = hmac.new(key, signing_input, hashlib.sha256).digest()
        expected = base64.urlsafe_b64encode(digest).rstrip(b"=")
        matched = hmac.compare_digest(expected, given) or matched
    if not matched:
        return _refuse("bad_signature")
    if "exp" not in claims:
        return _refuse("missing_expiry")
    exp = _number(claims["exp"])
    iat = _number(claims["iat"]) if "iat" in claims else None
    if exp is None or ("iat" in claims and iat is None):
        return _refuse("malformed_token")
    if current > exp + leeway:
        return _refuse("expired")
    if iat is not None and iat > current + leeway:
        return _refuse("issued_in_future")
    return Verdict(True, None, claims)


def _keys(secrets: Sequence[str]) -> List[bytes]:
    if isinstance(secrets, (str, bytes)) or not isinstance(secrets, Sequence) or len(secrets) == 0:
        raise ValueError("webhook_auth: `secrets` must be a list holding at least one secret")
    if not all(isinstance(secret, str) and secret for secret in secrets):
        # An empty key makes an HMAC anyone can compute.
        raise ValueError("webhook_auth: every secret must be a non-empty str")
    return [secret.encode("utf-8") for secret in secrets]


def _seconds(value: float, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ValueError(f"webhook_auth: `{name}` must be a finite number of seconds, not negative")
    return value


def _number(value: Any) -> Optional[float]:
    """A JSON number as seconds (``None`` for anything else, or beyond a double, as in JS)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def _reject_constant(name: str) -> Any:
    raise ValueError("not JSON")  # NaN, Infinity: Python's json accepts them, JSON does not


def _json_object(part: str) -> Optional[Dict[str, Any]]:
    """A base64url part decoded as UTF-8 JSON, when that is an object."""
    try:
        text = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("utf-8")
        value = json.loads(text, parse_constant=_reject_constant)
    except (binascii.Error, UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None

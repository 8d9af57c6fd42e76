"""Every shared webhook authentication vector (tests/fixtures/webhook-auth/vectors.json, made by
make_vectors.py with Python's standard library and openssl, independently of this package) is
answered exactly as it expects, the body given both as text and as UTF-8 bytes."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest

import chat_events_types
from chat_events_types import Verdict, verify_chatwoot_signature, verify_evolution_jwt, webhook_auth

ROOT = Path(__file__).resolve().parents[3]
VECTORS: Dict[str, List[Dict[str, Any]]] = json.loads(
    (ROOT / "tests" / "fixtures" / "webhook-auth" / "vectors.json").read_text("utf-8")
)


def verdict(result: Verdict) -> str:
    return "ok" if result.ok else str(result.reason)


def test_every_chatwoot_vector() -> None:
    problems = []
    for vector in VECTORS["chatwoot_signature"]:
        for body in (vector["body"], vector["body"].encode("utf-8")):
            result = verify_chatwoot_signature(
                vector["secrets"],
                vector["signature"],
                vector["timestamp"],
                body,
                now=vector["now"],
                tolerance_seconds=vector["tolerance_seconds"],
            )
            if verdict(result) != vector["expect"]:
                kind = "text" if isinstance(body, str) else "bytes"
                problems.append(f"{vector['name']} (body as {kind}): expected {vector['expect']}, got {verdict(result)}")
            assert result.claims is None
            assert (result.reason is None) == result.ok
    print(f"{len(VECTORS['chatwoot_signature'])} Chatwoot vectors, {len(problems)} disagreements")
    assert len(VECTORS["chatwoot_signature"]) >= 13
    assert problems == []


def test_every_evolution_vector() -> None:
    problems = []
    for vector in VECTORS["evolution_jwt"]:
        result = verify_evolution_jwt(
            vector["secrets"],
            vector["authorization"],
            now=vector["now"],
            leeway_seconds=vector["leeway_seconds"],
        )
        if verdict(result) != vector["expect"]:
            problems.append(f"{vector['name']}: expected {vector['expect']}, got {verdict(result)}")
        if result.ok:
            assert result.claims is not None
            assert result.claims["app"] == "evolution" and result.claims["action"] == "webhook", vector["name"]
        else:
            assert result.claims is None, vector["name"]
    print(f"{len(VECTORS['evolution_jwt'])} Evolution API vectors, {len(problems)} disagreements")
    assert len(VECTORS["evolution_jwt"]) >= 13
    assert problems == []


def test_the_clock_is_read_when_now_is_omitted() -> None:
    secret, body = "clock-secret", '{"event":"message_created","content":"olá 👋"}'
    timestamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256).hexdigest()
    assert verify_chatwoot_signature([secret], f"sha256={digest}", timestamp, body) == Verdict(True)
    old = str(int(timestamp) - 3600)
    digest = hmac.new(secret.encode(), f"{old}.{body}".encode(), hashlib.sha256).hexdigest()
    assert verify_chatwoot_signature([secret], f"sha256={digest}", old, body).reason == "stale_timestamp"
    valid = next(vector for vector in VECTORS["evolution_jwt"] if vector["name"] == "valid")
    assert verify_evolution_jwt(valid["secrets"], valid["authorization"]).reason == "expired"


@pytest.mark.parametrize("secrets", [[], [""], "s1", [None]])
def test_a_misuse_raises(secrets: Any) -> None:
    with pytest.raises(ValueError):
        verify_chatwoot_signature(secrets, "sha256=" + "0" * 64, "1733500000", b"{}", now=1733500000)
    with pytest.raises(ValueError):
        verify_evolution_jwt(secrets, "Bearer a.b.c")


def test_errors_name_no_secret() -> None:
    with pytest.raises(ValueError) as raised:
        verify_chatwoot_signature(["super-secret-value", ""], None, None, b"")
    assert "super-secret-value" not in str(raised.value)
    with pytest.raises(ValueError):
        verify_evolution_jwt(["k1"], None, leeway_seconds=-1)


def test_exported_from_the_package() -> None:
    assert chat_events_types.verify_chatwoot_signature is webhook_auth.verify_chatwoot_signature
    assert chat_events_types.verify_evolution_jwt is webhook_auth.verify_evolution_jwt
    for name in ("Verdict", "verify_chatwoot_signature", "verify_evolution_jwt", "webhook_auth"):
        assert name in chat_events_types.__all__

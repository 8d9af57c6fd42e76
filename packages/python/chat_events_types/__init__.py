"""Typed ChatApp, CodeChat and OneChat realtime events for Python: pydantic v2 models generated
from the chat-events JSON Schemas, and a `parse_event` per provider that accepts exactly what the
Rust decoder accepts.

    from chat_events_types import chatapp

    event = chatapp.parse_event(body)          # bytes or str
    if isinstance(event, chatapp.MessageEvent):
        print(event.data[0].message.text)

`normalized` reads the records the Rust SDK writes of its normalized events (one model for
every provider: messages, statuses, typing, presence, conversations, contacts):

    from chat_events_types import normalized

    record = normalized.parse_normalized(line)  # bytes or str
    if isinstance(record.event, normalized.MessageEvent):
        print(record.event.conversation.id, record.event.text)

`verify_chatwoot_signature` and `verify_evolution_jwt` (module `webhook_auth`, standard library
only) check the signature Chatwoot puts on its webhooks and the JWT Evolution API sends:

    from chat_events_types import verify_chatwoot_signature

    verdict = verify_chatwoot_signature([secret], signature_header, timestamp_header, raw_body)
    if not verdict.ok:
        print(verdict.reason)  # "bad_signature", "stale_timestamp"...
"""

import importlib
from typing import Any

from ._runtime import DecodeError, Model, UnknownEvent
from .webhook_auth import Verdict, verify_chatwoot_signature, verify_evolution_jwt

_PROVIDERS = ("chatapp", "codechat", "onechat", "onechat_webhook", "normalized")

__all__ = [
    "DecodeError",
    "Model",
    "UnknownEvent",
    "Verdict",
    "verify_chatwoot_signature",
    "verify_evolution_jwt",
    "webhook_auth",
    *_PROVIDERS,
]


def __getattr__(name: str) -> Any:
    # A provider's module is imported on first use: building its models takes a moment, and
    # an application usually needs one provider. Each is also a real module
    # (`chat_events_types/chatapp.py`, generated), so `from chat_events_types.chatapp import …`
    # works too and type checkers see its types.
    if name in _PROVIDERS:
        module = importlib.import_module(f".{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

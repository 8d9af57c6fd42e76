"""Typed ChatApp, CodeChat and OneChat realtime events for Python: pydantic v2 models generated
from the chat-events JSON Schemas, and a `parse_event` per provider that accepts exactly what the
Rust decoder accepts.

    from chat_events_types import chatapp

    event = chatapp.parse_event(body)          # bytes or str
    if isinstance(event, chatapp.MessageEvent):
        print(event.data[0].message.text)
"""

import importlib
from typing import Any

from ._runtime import DecodeError, Model, UnknownEvent

_PROVIDERS = ("chatapp", "codechat", "onechat", "onechat_webhook")

__all__ = ["DecodeError", "Model", "UnknownEvent", *_PROVIDERS]


def __getattr__(name: str) -> Any:
    # A provider's module is imported on first use: building its models takes a moment, and
    # an application usually needs one provider.
    if name in _PROVIDERS:
        module = importlib.import_module(f".generated.{name}", __name__)
        globals()[name] = module
        return module
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

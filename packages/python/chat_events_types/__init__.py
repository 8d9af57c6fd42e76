"""Typed ChatApp, CodeChat and OneChat realtime events for Python: pydantic v2 models generated
from the chat-events JSON Schemas, and a `parse_event` per provider that accepts exactly what the
Rust decoder accepts.

    from chat_events_types import chatapp

    event = chatapp.parse_event(body)          # bytes or str
    if isinstance(event, chatapp.MessageEvent):
        print(event.data[0].message.text)
"""

from ._runtime import DecodeError, Model, UnknownEvent
from .generated import chatapp, codechat, onechat, onechat_webhook

__all__ = ["DecodeError", "Model", "UnknownEvent", "chatapp", "codechat", "onechat", "onechat_webhook"]

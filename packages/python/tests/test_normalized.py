"""The normalized model in Python: every record the Rust SDK makes of the fixtures (written by
`cargo run -p chat-events-tests --bin mutants` to `normalized.jsonl`, which `cargo xtask test`
runs first) parses with `parse_normalized` into the model of its `type`, dumps back to the same
JSON, and broken records are refused with the path of what is wrong."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import List

import pytest

from chat_events_types import DecodeError, normalized

ROOT = Path(__file__).resolve().parents[3]
MUTANTS = Path(os.environ.get("CHAT_EVENTS_MUTANTS", ROOT / "target" / "mutants"))
TYPES = {
    "contact_updated": normalized.ContactUpdatedEvent,
    "conversation_assigned": normalized.ConversationAssignedEvent,
    "conversation_opened": normalized.ConversationOpenedEvent,
    "conversation_status_changed": normalized.ConversationStatusChangedEvent,
    "message": normalized.MessageEvent,
    "message_edited": normalized.MessageEditedEvent,
    "message_status": normalized.MessageStatusEvent,
    "presence": normalized.PresenceEvent,
    "reaction": normalized.ReactionEvent,
    "typing": normalized.TypingEvent,
}


def records() -> List[str]:
    path = MUTANTS / "normalized.jsonl"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `cargo run -p chat-events-tests --bin mutants` (cargo xtask test does)")
    return [line for line in path.read_text("utf-8").splitlines() if line]


def test_every_record_parses_into_the_model_of_its_type() -> None:
    lines = records()
    assert len(lines) > 100
    seen = set()
    for line in lines:
        record = normalized.parse_normalized(line.encode("utf-8"))
        value = json.loads(line)
        kind = value["event"]["type"]
        assert isinstance(record.event, TYPES[kind]), f"{kind}: {type(record.event).__name__}"
        assert record.event.type == kind
        assert record.provider == value["provider"]
        assert record.to_json_value() == value
        assert record.raw == line
        seen.add(kind)
    assert seen == set(TYPES)


def test_a_line_of_the_cli_parses() -> None:
    # `chat-events … --normalized` writes the record with where and when it came.
    record = json.loads(records()[0])
    line = {"provider": record["provider"], "source": "/hook", "received_at": "2026-11-30T07:00:00.000Z",
            "sourceEvent": record["sourceEvent"], "event": record["event"], "raw": record["raw"]}
    parsed = normalized.parse_normalized(json.dumps(line))
    assert parsed.event.type == record["event"]["type"]
    assert parsed.to_json_value()["source"] == "/hook"


def test_typed_fields_read_as_their_types() -> None:
    message = next(
        normalized.parse_normalized(line)
        for line in records()
        if json.loads(line)["event"]["type"] == "message" and json.loads(line)["event"]["attachments"]
    )
    assert isinstance(message.event, normalized.MessageEvent)
    assert isinstance(message.event.conversation, normalized.Conversation)
    assert message.event.direction in ("incoming", "outgoing")
    assert isinstance(message.event.attachments[0], normalized.Attachment)
    assert message.event.attachments[0].kind in ("audio", "contact", "file", "image", "location", "sticker", "video")


@pytest.mark.parametrize(
    "change, path",
    [
        (lambda record: record["event"].update(type="telepathy"), "event"),
        (lambda record: record["event"].update(direction="sideways"), "event"),
        (lambda record: record["event"]["conversation"].update(id=7), "event"),
        (lambda record: record.pop("sourceEvent"), ""),
    ],
)
def test_broken_records_are_refused_with_a_path(change, path: str) -> None:
    record = next(json.loads(line) for line in records() if json.loads(line)["event"]["type"] == "message")
    change(record)
    with pytest.raises(DecodeError) as refused:
        normalized.parse_normalized(json.dumps(record))
    assert refused.value.provider == "normalized"
    assert refused.value.path.startswith(path)
    for bad in (b"{", b"\xff", '{"a": 1, "a": 2}'):
        with pytest.raises(DecodeError):
            normalized.parse_normalized(bad)

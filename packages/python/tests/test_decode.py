"""Every fixture and every mutant (written with the Rust decoder's verdict by
`cargo run -p chat-events-tests --bin mutants`, which `cargo xtask test` runs first) goes
through `parse_event`: accepted exactly when Rust accepts, as the same event (known or not);
every fixture round-trips (the model dumps back to the JSON it came from)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

from chat_events_types import DecodeError, UnknownEvent, chatapp, codechat, onechat, onechat_webhook

ROOT = Path(__file__).resolve().parents[3]
MUTANTS = Path(os.environ.get("CHAT_EVENTS_MUTANTS", ROOT / "target" / "mutants"))
MODULES = {"chatapp": chatapp, "codechat": codechat, "onechat": onechat, "onechat-webhook": onechat_webhook}
WRAPPERS = {"chatapp": "payload", "onechat": "message"}


def entries(provider: str) -> List[Dict[str, Any]]:
    path = MUTANTS / f"{provider}.jsonl"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `cargo run -p chat-events-tests --bin mutants` (cargo xtask test does)")
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def body_of(provider: str, value: Dict[str, Any]) -> Any:
    wrapper = WRAPPERS.get(provider)
    if wrapper and isinstance(value.get(wrapper), dict):
        return value[wrapper]
    return value


@pytest.mark.parametrize("provider", list(MODULES))
def test_agrees_with_the_rust_decoder(provider: str) -> None:
    module = MODULES[provider]
    problems = []
    fixtures = mutants = 0
    for entry in entries(provider):
        if entry["what"] == "fixture":
            fixtures += 1
        else:
            mutants += 1
        try:
            event = module.parse_event(entry["json"].encode("utf-8"))
        except DecodeError as error:
            assert error.provider == provider
            assert isinstance(error.path, str)
            if entry["accepted"]:
                problems.append(f"{entry['file']}: {entry['what']}: Rust accepts, Python refuses: {error}")
            continue
        if not entry["accepted"]:
            problems.append(f"{entry['file']}: {entry['what']}: Rust refuses at {entry['path']}, Python accepts")
            continue
        known = not isinstance(event, UnknownEvent)
        name = type(event).EVENT if known else event.event_name
        if known != entry["known"] or name != entry["name"]:
            problems.append(f"{entry['file']}: {entry['what']}: Rust reads {entry['name']}, Python {name}")
        assert event.raw == entry["json"]
    print(f"{provider}: {fixtures} fixtures, {mutants} mutants, {len(problems)} disagreements")
    assert fixtures > 0
    assert problems == []


@pytest.mark.parametrize("provider", list(MODULES))
def test_every_fixture_round_trips(provider: str) -> None:
    module = MODULES[provider]
    count = 0
    for entry in entries(provider):
        if entry["what"] != "fixture":
            continue
        event = module.parse_event(entry["json"])
        body = body_of(provider, json.loads(entry["json"]))
        assert event.to_json_value() == body, entry["file"]
        count += 1
    assert count > 0


def test_typed_values_and_errors() -> None:
    body = {
        "data": [{"id": 5, "chat": {"id": "70000000000@c.us"}, "type": "add", "tag": {"id": 1}}],
        "meta": {"type": "chatTag", "licenseId": "1229", "messengerType": "grWhatsApp", "newKey": [1]},
    }
    event = chatapp.parse_event(json.dumps(body))
    assert isinstance(event, chatapp.ChatTagEvent)
    assert event.EVENT == "chatTag"
    assert event.meta.license_id == "1229"
    assert event.data[0].chat.id == "70000000000@c.us"
    assert event.to_json_value() == body
    wrapped = chatapp.parse_event(json.dumps({"queue": None, "payload": body}))
    assert isinstance(wrapped, chatapp.ChatTagEvent)
    with pytest.raises(DecodeError) as refused:
        chatapp.parse_event(json.dumps({**body, "meta": {**body["meta"], "licenseId": True}}))
    assert (refused.value.provider, refused.value.event, refused.value.path) == ("chatapp", "chatTag", "meta.licenseId")
    assert "True" not in str(refused.value)
    unknown = chatapp.parse_event(b'{"data": [], "meta": {"type": "somethingNew"}}')
    assert isinstance(unknown, UnknownEvent) and unknown.event_name == "somethingNew"
    hostile = b'{"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    for bad in (b"[]", b"{", b'{"a":1,"a":2}', b"\xff", b'{"meta":{"type":"chatTag"},"data":[],"x":NaN}', hostile):
        with pytest.raises(DecodeError):
            chatapp.parse_event(bad)
    empty = codechat.parse_event(json.dumps({"event": "qrcode.updated", "instance": "i", "data": []}))
    assert empty.to_json_value()["data"] == []


def fixture(provider: str, file: str) -> str:
    for entry in entries(provider):
        if entry["what"] == "fixture" and entry["file"] == f"{provider}/{file}":
            return entry["json"]
    raise AssertionError(f"no fixture {file}")


def test_shapes_are_chosen_by_their_keys() -> None:
    baileys = codechat.parse_event(fixture("codechat", "upstream/messages.upsert.evolution-v1-image-fromme"))
    assert isinstance(baileys, codechat.MessagesUpsertEvent)
    assert isinstance(baileys.data, codechat.BaileysMessage)
    assert baileys.data.key is not None and baileys.data.key.remote_jid
    row = codechat.parse_event(fixture("codechat", "reference/messages.upsert.open-source"))
    assert isinstance(row.data, codechat.MessageRow)
    # A value that fits no shape stays as sent (Rust keeps it raw), not forced into a model.
    body = json.loads(fixture("codechat", "reference/messages.upsert.open-source"))
    body["data"] = {"somethingElse": 1}
    other = codechat.parse_event(json.dumps(body))
    assert other.data == {"somethingElse": 1}


def test_readme_example() -> None:
    request_body = fixture("codechat", "upstream/messages.upsert.evolution-v1-image-fromme").encode()
    printed = []
    try:
        event = codechat.parse_event(request_body)
    except DecodeError as error:
        printed.append((error.provider, error.event, error.path, error.message))
    else:
        if isinstance(event, codechat.MessagesUpsertEvent) and isinstance(event.data, codechat.BaileysMessage):
            printed.append(event.data.key.remote_jid)
        elif isinstance(event, UnknownEvent):
            printed.append(("not modelled yet:", event.event_name, event.raw))
    assert printed and isinstance(printed[0], str) and printed[0].endswith("@s.whatsapp.net")

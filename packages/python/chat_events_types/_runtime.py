"""The part of the package that is not generated: the model base class and the decoder.

Validation is the JSON Schema (draft 2020-12, the `jsonschema` package), which accepts exactly
what the Rust decoder accepts (the package's tests hold it to the Rust verdict on every fixture
and thousands of mutants). pydantic then builds the typed model from a payload already known to
be valid; its models never refuse a valid payload and keep unknown keys (`extra="allow"`), so
dumping a model gives back the JSON it came from.
"""

from __future__ import annotations

import json
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, Dict, List, Optional, Tuple, Type, Union

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from pydantic import BaseModel, ConfigDict, Discriminator, PrivateAttr, model_serializer, model_validator


@lru_cache(maxsize=None)
def _schema(schema_file: str) -> Dict[str, Any]:
    text = resources.files("chat_events_types").joinpath("schemas", schema_file).read_text("utf-8")
    return json.loads(text)


def shape(schema_file: str, conditions: List[Any]) -> Discriminator:
    """The discriminator of a shape enum (one name, several generations' shapes): the first
    branch whose condition (the keys it is told by, from the schema) the value meets, as the
    Rust decoder chooses; never whichever model happens to fit."""
    validators: List[Draft202012Validator] = []

    def pick(value: Any) -> Optional[str]:
        if not validators:
            defs = _schema(schema_file)["$defs"]
            validators.extend(Draft202012Validator({"$defs": defs, **condition}) for condition in conditions)
        if isinstance(value, BaseModel):
            value = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
        for index, validator in enumerate(validators):
            if validator.is_valid(value):
                return str(index)
        return None

    return Discriminator(pick)


class Model(BaseModel):
    """Base of every generated model: keeps unknown keys, reads `[]` as an empty object (PHP
    backends send it) and writes it back as `[]`, and remembers the raw JSON of a decoded
    event. Validators are built on first use (`defer_build`), so importing a provider's
    module is quick and the first payload of an event pays for its models."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, protected_namespaces=(), defer_build=True)

    _was_array: bool = PrivateAttr(default=False)
    _raw: Optional[str] = PrivateAttr(default=None)

    @model_validator(mode="wrap")
    @classmethod
    def _empty_array(cls, value: Any, handler: Any) -> Any:
        if isinstance(value, list) and not value:
            model = handler({})
            model._was_array = True
            return model
        return handler(value)

    @model_serializer(mode="wrap")
    def _write_back(self, handler: Any) -> Any:
        if self._was_array:
            return []
        return handler(self)

    @property
    def raw(self) -> Optional[str]:
        """The JSON text this event was decoded from (`None` below the top level)."""
        return self._raw

    def to_json_value(self) -> Any:
        """The model as JSON values, with the provider's key names: what was received, unknown
        keys included."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=True)


class UnknownEvent(Model):
    """An event this version does not model: every key kept as sent."""

    _name: str = PrivateAttr(default="")

    @property
    def event_name(self) -> str:
        """The event's name, as sent."""
        return self._name


class DecodeError(ValueError):
    """A payload the decoder refuses: the provider, the event when the payload names one, the
    JSON path (`data[0].id`; empty for the whole payload) and what is wrong. Values are never
    quoted (they may be secrets or personal data)."""

    def __init__(self, provider: str, event: Optional[str], path: str, message: str) -> None:
        self.provider = provider
        self.event = event
        self.path = path
        self.message = message
        where = f" at `{path}`" if path else ""
        what = f"event `{event}`" if event else "payload"
        super().__init__(f"{provider}: cannot decode {what}{where}: {message}")


def _path(parts: Any) -> str:
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += part if not text else f".{part}"
    return text


def _join(prefix: str, path: str) -> str:
    if not prefix:
        return path
    if not path:
        return prefix
    return f"{prefix}{path}" if path.startswith("[") else f"{prefix}.{path}"


MAX_DEPTH = 100
"""The deepest nesting the Rust decoder accepts (the top object is level 1)."""


def _depth(value: Any) -> int:
    """How deep `value` nests objects and arrays, without recursion; stops past MAX_DEPTH."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        node, level = pending.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_DEPTH:
            return deepest
        pending.extend((child, level + 1) for child in children)
    return deepest


def _no_duplicates(pairs: Any) -> Dict[str, Any]:
    result: Dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError("a key appears twice in an object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _message(error: ValidationError) -> str:
    # jsonschema quotes the value; say what was expected instead.
    validator = error.validator
    expected = error.validator_value
    if validator == "type":
        return f"must be of type {expected}"
    if validator == "required":
        return "a required key is missing"
    if validator in ("minimum", "maximum"):
        return f"must be {'at least' if validator == 'minimum' else 'at most'} {expected}"
    if validator in ("const", "enum"):
        return f"must be one of {expected if validator == 'enum' else [expected]}"
    if validator == "pattern":
        return f"must match {expected}"
    return f"fails `{validator}`"


def _deepest(errors: Any) -> Optional[ValidationError]:
    best: Optional[ValidationError] = None
    for error in errors:
        candidates = [error, *error.context] if error.context else [error]
        for candidate in candidates:
            if best is None or len(candidate.absolute_path) > len(best.absolute_path):
                best = candidate
    return best


class Decoder:
    """The decoder of one provider (made by the generated module)."""

    def __init__(
        self,
        provider: str,
        schema_file: str,
        name_path: Tuple[str, ...],
        wrapper: Optional[str],
        aliases: Dict[str, str],
        events: Dict[str, Tuple[Type[Model], str]],
    ) -> None:
        self.provider = provider
        self.schema_file = schema_file
        self.name_path = name_path
        self.wrapper = wrapper
        self.aliases = aliases
        self.events = events
        self._validators: Dict[str, Draft202012Validator] = {}

    @cached_property
    def schema(self) -> Dict[str, Any]:
        """The provider's union schema, `event.schema.json`."""
        return _schema(self.schema_file)

    def _validator(self, key: str, schema: Dict[str, Any]) -> Draft202012Validator:
        validator = self._validators.get(key)
        if validator is None:
            document = {"$schema": self.schema["$schema"], "$defs": self.schema["$defs"], **schema}
            validator = Draft202012Validator(document)
            self._validators[key] = validator
        return validator

    def _branch(self, wire: str) -> Draft202012Validator:
        # The union is `oneOf` the known events (in `events` order) and the unknown one,
        # told apart by the required name: for a payload that names `wire`, the union
        # accepts it exactly when that event's branch does.
        branches = self.schema["oneOf"]
        names = list(self.events)
        index = names.index(wire) if wire in self.events else len(branches) - 1
        return self._validator(f"branch:{index}", branches[index])

    def parse(self, data: Union[bytes, str]) -> Any:
        """Decodes one payload; see the generated `parse_event`."""
        fail = lambda event, path, message: DecodeError(self.provider, event, path, message)  # noqa: E731
        if isinstance(data, (bytes, bytearray, memoryview)):
            try:
                text = bytes(data).decode("utf-8")
            except UnicodeDecodeError:
                raise fail(None, "", "the payload is not UTF-8") from None
        else:
            text = data
        try:
            value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
        except RecursionError:
            raise fail(None, "", f"nesting deeper than {MAX_DEPTH} levels") from None
        except ValueError as error:
            raise fail(None, "", f"the payload is not JSON: {error}") from None
        if not isinstance(value, dict):
            raise fail(None, "", "the payload is not a JSON object")
        if _depth(value) > MAX_DEPTH:
            raise fail(None, "", f"nesting deeper than {MAX_DEPTH} levels")
        wrapped = self.wrapper is not None and isinstance(value.get(self.wrapper), dict)
        body = value[self.wrapper] if wrapped else value
        prefix = self.wrapper if wrapped and self.wrapper else ""
        name: Any = body
        for segment in self.name_path:
            name = name.get(segment) if isinstance(name, dict) else None
        if not isinstance(name, str):
            what = "no event name" if name is None else "the event name is not a string"
            raise fail(None, _join(prefix, ".".join(self.name_path)), what)
        wire = self.aliases.get(name, name)
        known = self.events.get(wire)
        error = _deepest(self._branch(wire).iter_errors(value))
        if error is not None:
            if known is not None:
                own = self._validator(f"body:{wire}", {"$ref": f"#/$defs/{known[1]}"})
                body_error = _deepest(own.iter_errors(body))
                if body_error is not None:
                    raise fail(wire, _join(prefix, _path(body_error.absolute_path)), _message(body_error))
            raise fail(wire if known else None, _path(error.absolute_path), _message(error))
        if known is None:
            unknown = UnknownEvent.model_validate(body)
            unknown._name = name
            unknown._raw = text
            return unknown
        model = known[0].model_validate(body)
        model._raw = text
        return model


def parse_document(kind: str, schema_file: str, data: Union[bytes, str], model: Type[Model]) -> Any:
    """Parses JSON that is not a provider payload (a normalized record), validated against the
    whole schema file, into `model`; raises `DecodeError(kind, None, path, message)`."""
    fail = lambda path, message: DecodeError(kind, None, path, message)  # noqa: E731
    if isinstance(data, (bytes, bytearray, memoryview)):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise fail("", "the input is not UTF-8") from None
    else:
        text = data
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except RecursionError:
        raise fail("", f"nesting deeper than {MAX_DEPTH} levels") from None
    except ValueError as error:
        raise fail("", f"the input is not JSON: {error}") from None
    if _depth(value) > MAX_DEPTH:
        raise fail("", f"nesting deeper than {MAX_DEPTH} levels")
    error = _deepest(_document_validator(schema_file).iter_errors(value))
    if error is not None:
        raise fail(_path(error.absolute_path), _message(error))
    parsed = model.model_validate(value)
    parsed._raw = text
    return parsed


@lru_cache(maxsize=None)
def _document_validator(schema_file: str) -> Draft202012Validator:
    return Draft202012Validator(_schema(schema_file))

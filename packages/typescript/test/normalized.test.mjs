// The normalized model in TypeScript: every record the Rust SDK makes of the fixtures
// (written by `cargo run -p chat-events-tests --bin mutants` to `normalized.jsonl`, which
// `cargo xtask test` runs first) parses with `normalized.parse`, narrows on `event.type`
// (the generated usage file, compiled by `tsc --strict`), and broken records are refused
// with the path of what is wrong. The package's subpath exports resolve.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as normalized from "../dist/generated/normalized.js";
import { describe } from "../dist-usage/test/usage/normalized.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const mutantsDir = process.env.CHAT_EVENTS_MUTANTS ?? path.join(root, "target/mutants");

function records() {
  const file = path.join(mutantsDir, "normalized.jsonl");
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`cargo run -p chat-events-tests --bin mutants\` (cargo xtask test does)`);
  }
  return fs.readFileSync(file, "utf8").split("\n").filter((line) => line !== "");
}

test("every record the Rust SDK normalizes parses, and narrows on its type", () => {
  const seen = new Set();
  const lines = records();
  assert.ok(lines.length > 100, `${lines.length} records`);
  for (const line of lines) {
    const result = normalized.parse(line);
    assert.ok(result.ok, `${line.slice(0, 200)}: ${JSON.stringify(result.ok ? null : result.error)}`);
    const record = result.value;
    assert.ok(normalized.isNormalized(record));
    assert.deepEqual(record, JSON.parse(line));
    const described = describe(record);
    assert.ok(described.startsWith(`${record.provider} ${record.event.type}`), described);
    seen.add(record.event.type);
  }
  // Every kind of event the fixtures give (reaction and presence included) was seen.
  for (const kind of ["message", "message_edited", "message_status", "reaction", "typing", "presence", "conversation_opened", "conversation_assigned", "conversation_status_changed", "contact_updated"]) {
    assert.ok(seen.has(kind), `no record of type ${kind}`);
  }
});

test("a line of `chat-events … --normalized` (the record with its source and time) parses", () => {
  const record = JSON.parse(records()[0]);
  const line = JSON.stringify({ provider: record.provider, source: "/hook", received_at: "2026-11-30T07:00:00.000Z", sourceEvent: record.sourceEvent, event: record.event, raw: record.raw });
  const result = normalized.parse(line);
  assert.ok(result.ok, JSON.stringify(result.ok ? null : result.error));
  assert.equal(result.value.event.type, record.event.type);
});

test("broken records are refused with the path of what is wrong", () => {
  const record = JSON.parse(records().find((line) => JSON.parse(line).event.type === "message"));
  const cases = [
    [{ ...record, event: { ...record.event, type: "telepathy" } }, "event"],
    [{ ...record, event: { ...record.event, direction: "sideways" } }, "event"],
    [{ ...record, event: { ...record.event, conversation: { id: 7 } } }, "event"],
    [{ provider: record.provider, event: record.event, raw: record.raw }, ""],
  ];
  for (const [value, prefix] of cases) {
    const result = normalized.parse(JSON.stringify(value));
    assert.equal(result.ok, false, JSON.stringify(value).slice(0, 200));
    assert.ok(result.error.path.startsWith(prefix), result.error.path);
    assert.equal(normalized.isNormalized(value), false);
  }
  assert.equal(normalized.parse("{").ok, false);
  assert.equal(normalized.parse(new Uint8Array([0xff])).ok, false);
});

test("the package's subpath exports resolve", async () => {
  for (const subpath of ["", "/chatapp", "/codechat", "/onechat", "/onechat-webhook", "/normalized"]) {
    const module = await import(`@chat-events/types${subpath}`);
    assert.ok(Object.keys(module).length > 0, subpath);
  }
  const { normalized: namespace } = await import("@chat-events/types");
  assert.equal(typeof namespace.parse, "function");
});

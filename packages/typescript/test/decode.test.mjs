// Every fixture and every mutant (written with the Rust decoder's verdict by
// `cargo run -p chat-events-tests --bin mutants`, which `cargo xtask test` runs first) goes
// through the package's `decode`: accepted exactly when Rust accepts, with the same event
// name and the same known/unknown verdict. The only allowed difference: payloads holding an
// integer beyond 2^53, which `JSON.parse` rounds (counted and printed).

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import * as chatapp from "../dist/generated/chatapp.js";
import * as codechat from "../dist/generated/codechat.js";
import * as onechat from "../dist/generated/onechat.js";
import * as onechatWebhook from "../dist/generated/onechat-webhook.js";
import { describeJson as describeChatapp } from "../dist-usage/test/usage/chatapp.js";
import { readmeExample } from "../dist-usage/test/readme.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const mutantsDir = process.env.CHAT_EVENTS_MUTANTS ?? path.join(root, "target/mutants");

function lines(provider) {
  const file = path.join(mutantsDir, `${provider}.jsonl`);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`cargo run -p chat-events-tests --bin mutants\` (cargo xtask test does)`);
  }
  return fs.readFileSync(file, "utf8").split("\n").filter((line) => line !== "").map((line) => JSON.parse(line));
}

// An integer literal JavaScript cannot hold exactly (outside strings).
function beyondDoubles(json) {
  const outsideStrings = json.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  return /(?<![.\deE])-?\d{16,}(?![.\deE])/.test(outsideStrings);
}

for (const [provider, module] of [
  ["chatapp", chatapp],
  ["codechat", codechat],
  ["onechat", onechat],
  ["onechat-webhook", onechatWebhook],
]) {
  test(`${provider}: decode agrees with the Rust decoder on every fixture and mutant`, () => {
    const entries = lines(provider);
    let fixtures = 0;
    let mutants = 0;
    let precision = 0;
    const problems = [];
    for (const entry of entries) {
      const result = module.decode(entry.json);
      const bytes = module.decode(new TextEncoder().encode(entry.json));
      assert.equal(bytes.ok, result.ok);
      if (entry.what === "fixture") fixtures++;
      else mutants++;
      if (result.ok !== entry.accepted) {
        if (beyondDoubles(entry.json) && entry.what !== "fixture") {
          precision++;
          continue;
        }
        problems.push(`${entry.file}: ${entry.what}: Rust ${entry.accepted ? "accepts" : "refuses"}, TypeScript ${result.ok ? "accepts" : `refuses at ${result.error.path}: ${result.error.message}`}`);
        continue;
      }
      if (result.ok) {
        if (result.event.name !== entry.name || result.event.known !== entry.known) {
          problems.push(`${entry.file}: ${entry.what}: Rust reads ${entry.known ? "known" : "unknown"} ${entry.name}, TypeScript ${result.event.known ? "known" : "unknown"} ${result.event.name}`);
        }
        assert.equal(result.event.raw, entry.json);
      } else {
        assert.equal(result.error.provider, provider);
        assert.equal(typeof result.error.path, "string");
        assert.ok(result.error.message.length > 0);
      }
    }
    console.log(`${provider}: ${fixtures} fixtures, ${mutants} mutants, ${problems.length} disagreements, ${precision} beyond 2^53 (JavaScript numbers)`);
    assert.ok(fixtures > 0);
    assert.deepEqual(problems, []);
  });
}

test("guards narrow and errors name the path", () => {
  const json = JSON.stringify({
    data: [{ id: 5, chat: { id: 7 }, type: "add", tag: { id: 1 } }],
    meta: { type: "chatTag", licenseId: 1229, messengerType: "grWhatsApp" },
  });
  const result = chatapp.decode(json);
  assert.ok(result.ok);
  assert.ok(chatapp.isChatTag(result.event));
  assert.ok(!chatapp.isMessage(result.event));
  assert.equal(result.event.body.meta.type, "chatTag");
  const wrapped = chatapp.decode(JSON.stringify({ queue: "q", payload: JSON.parse(json) }));
  assert.ok(wrapped.ok && wrapped.event.name === "chatTag" && wrapped.event.body.meta.type === "chatTag");
  const bad = chatapp.decode(json.replace('"licenseId":1229', '"licenseId":true'));
  assert.ok(!bad.ok);
  assert.equal(bad.error.event, "chatTag");
  assert.equal(bad.error.path, "meta.licenseId");
  const unknown = chatapp.decode(JSON.stringify({ data: [], meta: { type: "somethingNew" } }));
  assert.ok(unknown.ok && !unknown.event.known && unknown.event.name === "somethingNew");
  assert.ok(!chatapp.decode("[]").ok);
  const hostile = chatapp.decode(`{"x":${"[".repeat(100000)}${"]".repeat(100000)}}`);
  assert.ok(!hostile.ok && /deeper than 100/.test(hostile.error.message));
  assert.ok(!chatapp.decode("{").ok);
  assert.ok(!chatapp.decode(new Uint8Array([0x7b, 0xff, 0x7d])).ok);
  assert.equal(describeChatapp(json), 'chatTag chatTag data=[{"id":5,"chat":{"id":7},"type":"add","tag":{"id":1}}]');
});

test("the README example", () => {
  const status = JSON.stringify({
    data: [{ id: 1, chat: { id: 2 }, type: "read", time: 1700000000 }],
    meta: { type: "messageStatus", licenseId: 1229, messengerType: "grWhatsApp" },
  });
  const result = chatapp.decode(status);
  assert.ok(result.ok, JSON.stringify(result));
  assert.deepEqual(readmeExample(status), ['["read"]', "messageStatus"]);
  assert.deepEqual(readmeExample("{"), [readmeExample("{")[0]]);
  assert.match(readmeExample(JSON.stringify({ data: [], meta: { type: "later" } }))[0], /^not modelled yet: later /);
});

// Every committed schema compiles in ajv's strict mode without a warning, and every fixture
// validates against its provider's union and envelope schemas and its event's own schema.

import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const schemas = path.join(root, "schemas");
const mutantsDir = process.env.CHAT_EVENTS_MUTANTS ?? path.join(root, "target/mutants");

function strictAjv(warnings) {
  const logger = { log() {}, warn: (...args) => warnings.push(args.join(" ")), error: (...args) => warnings.push(args.join(" ")) };
  return new Ajv2020({ strict: true, logger });
}

test("every schema compiles in strict mode without warnings", () => {
  let files = 0;
  const warnings = [];
  for (const provider of fs.readdirSync(schemas)) {
    const dir = path.join(schemas, provider);
    if (!fs.statSync(dir).isDirectory()) {
      // Top-level schemas: the normalized model.
      if (provider.endsWith(".schema.json")) {
        strictAjv(warnings).compile(JSON.parse(fs.readFileSync(dir, "utf8")));
        files++;
      }
      continue;
    }
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".schema.json"))) {
      strictAjv(warnings).compile(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")));
      files++;
    }
  }
  console.log(`${files} schemas compiled, ${warnings.length} warnings`);
  assert.ok(files > 100);
  assert.deepEqual(warnings, []);
});

test("every fixture validates against its schemas", () => {
  for (const provider of ["chatapp", "codechat", "onechat", "onechat-webhook"]) {
    const load = (name) => JSON.parse(fs.readFileSync(path.join(schemas, provider, `${name}.schema.json`), "utf8"));
    const ajv = strictAjv([]);
    const union = ajv.compile(load("event"));
    const envelope = ajv.compile(load("envelope"));
    const known = ajv.compile(load("known"));
    const own = new Map();
    const entries = fs.readFileSync(path.join(mutantsDir, `${provider}.jsonl`), "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line)).filter((entry) => entry.what === "fixture");
    assert.ok(entries.length > 0);
    for (const entry of entries) {
      const value = JSON.parse(entry.json);
      assert.ok(union(value), `${entry.file}: event.schema.json: ${JSON.stringify(union.errors)}`);
      assert.ok(envelope(value), `${entry.file}: envelope.schema.json`);
      assert.equal(known(value), entry.known, `${entry.file}: known.schema.json`);
      if (entry.known) {
        const name = entry.name.replace(/:/g, "@");
        if (!own.has(name)) own.set(name, ajv.compile(load(name)));
        assert.ok(own.get(name)(value), `${entry.file}: ${name}.schema.json`);
      }
    }
  }
});

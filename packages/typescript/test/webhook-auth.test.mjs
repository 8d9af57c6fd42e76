// Every shared webhook authentication vector (tests/fixtures/webhook-auth/vectors.json, made
// by make_vectors.py with Python's standard library and openssl, independently of this
// package) is answered exactly as it expects, the body given both as text and as UTF-8 bytes.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { verifyChatwootSignature, verifyEvolutionJwt } from "../dist/webhook-auth.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const vectors = JSON.parse(fs.readFileSync(path.join(root, "tests/fixtures/webhook-auth/vectors.json"), "utf8"));

function verdict(result) {
  return result.ok ? "ok" : result.reason;
}

test("every Chatwoot signature vector gets its expected verdict", () => {
  const problems = [];
  for (const vector of vectors.chatwoot_signature) {
    for (const body of [vector.body, new TextEncoder().encode(vector.body)]) {
      const result = verifyChatwootSignature({
        secrets: vector.secrets,
        signature: vector.signature,
        timestamp: vector.timestamp,
        body,
        now: vector.now,
        toleranceSeconds: vector.tolerance_seconds,
      });
      if (verdict(result) !== vector.expect) {
        problems.push(`${vector.name} (body as ${typeof body === "string" ? "text" : "bytes"}): expected ${vector.expect}, got ${verdict(result)}`);
      }
      assert.deepEqual(Object.keys(result).sort(), result.ok ? ["ok"] : ["ok", "reason"]);
    }
  }
  console.log(`${vectors.chatwoot_signature.length} Chatwoot vectors, ${problems.length} disagreements`);
  assert.ok(vectors.chatwoot_signature.length >= 13);
  assert.deepEqual(problems, []);
});

test("every Evolution API JWT vector gets its expected verdict", () => {
  const problems = [];
  for (const vector of vectors.evolution_jwt) {
    const result = verifyEvolutionJwt({
      secrets: vector.secrets,
      authorization: vector.authorization,
      now: vector.now,
      leewaySeconds: vector.leeway_seconds,
    });
    if (verdict(result) !== vector.expect) {
      problems.push(`${vector.name}: expected ${vector.expect}, got ${verdict(result)}`);
    }
    if (result.ok) {
      assert.equal(result.claims.app, "evolution", vector.name);
      assert.equal(result.claims.action, "webhook", vector.name);
      assert.equal(typeof result.claims.exp, "number", vector.name);
    } else {
      assert.equal("claims" in result, false, vector.name);
    }
  }
  console.log(`${vectors.evolution_jwt.length} Evolution API vectors, ${problems.length} disagreements`);
  assert.ok(vectors.evolution_jwt.length >= 13);
  assert.deepEqual(problems, []);
});

test("the clock is read when `now` is omitted", () => {
  const secret = "clock-secret";
  const body = '{"event":"message_created","content":"olá 👋"}';
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  assert.deepEqual(verifyChatwootSignature({ secrets: [secret], signature, timestamp, body }), { ok: true });
  const old = String(Number(timestamp) - 3600);
  const oldSignature = `sha256=${createHmac("sha256", secret).update(`${old}.${body}`).digest("hex")}`;
  assert.deepEqual(verifyChatwootSignature({ secrets: [secret], signature: oldSignature, timestamp: old, body }), {
    ok: false,
    reason: "stale_timestamp",
  });

  // The vectors' valid token expired long ago by the clock.
  const valid = vectors.evolution_jwt.find((vector) => vector.name === "valid");
  assert.deepEqual(verifyEvolutionJwt({ secrets: valid.secrets, authorization: valid.authorization }), {
    ok: false,
    reason: "expired",
  });
});

test("a misuse throws, naming no secret", () => {
  const base = { signature: "sha256=" + "0".repeat(64), timestamp: "1733500000", body: "{}", now: 1733500000 };
  for (const secrets of [[], [""], "s1", [undefined]]) {
    assert.throws(() => verifyChatwootSignature({ ...base, secrets }), TypeError);
    assert.throws(() => verifyEvolutionJwt({ secrets, authorization: "Bearer a.b.c" }), TypeError);
  }
  assert.throws(() => verifyChatwootSignature({ ...base, secrets: ["s1"], toleranceSeconds: -1 }), TypeError);
  assert.throws(() => verifyEvolutionJwt({ secrets: ["k1"], authorization: null, leewaySeconds: Number.NaN }), TypeError);
  try {
    verifyChatwootSignature({ ...base, secrets: ["super-secret-value", ""] });
  } catch (error) {
    assert.ok(!String(error.message).includes("super-secret-value"));
  }
});

test("the package exports the checks at its root and at ./webhook-auth", async () => {
  const rootModule = await import("@chat-events/types");
  const subpath = await import("@chat-events/types/webhook-auth");
  for (const module of [rootModule, subpath]) {
    assert.equal(module.verifyChatwootSignature, verifyChatwootSignature);
    assert.equal(module.verifyEvolutionJwt, verifyEvolutionJwt);
  }
});

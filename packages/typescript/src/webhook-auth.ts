/// <reference types="node" />
// Authentication of the webhooks two senders sign: Chatwoot (≥ 4.11.2) and Evolution API
// (≥ 2.3.0, when the webhook's headers carry a `jwt_key`). Written by hand; the shared test
// vectors in `tests/fixtures/webhook-auth/vectors.json` (made with Python's standard library
// and cross-checked with openssl) hold this module, the Python package and the Rust SDK to
// the same verdicts.
//
// Only `node:crypto`, no JWT library: verifying HS256 is one HMAC-SHA256 and a comparison,
// and this module must accept nothing else. A general JWT library brings other algorithms
// (`none`, RS256 with a public key that an HMAC secret can be confused with) whose choice
// the token's own header would steer; here anything but `"alg": "HS256"` is refused before
// any key is used.
//
// Secrets and tokens are never put in a result or an error message.

import { createHmac, timingSafeEqual } from "node:crypto";

import type { JsonValue } from "./runtime.js";

/** Why a Chatwoot webhook was refused, in the order the checks run. */
export type ChatwootSignatureFailure =
  | "missing_signature"
  | "missing_timestamp"
  | "malformed_timestamp"
  | "malformed_signature"
  | "stale_timestamp"
  | "future_timestamp"
  | "bad_signature";

/** The verdict on a Chatwoot webhook. */
export type ChatwootSignatureResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: ChatwootSignatureFailure };

/** What `verifyChatwootSignature` reads: the webhook's secrets and the request as received. */
export interface ChatwootSignatureInput {
  /** The webhook's secrets (more than one while rotating); each is used as its UTF-8 bytes.
   * At least one, none empty. */
  readonly secrets: readonly string[];
  /** The `X-Chatwoot-Signature` header (`sha256=<hex>`), `null`/`undefined` when absent. */
  readonly signature: string | null | undefined;
  /** The `X-Chatwoot-Timestamp` header (Unix seconds), `null`/`undefined` when absent. */
  readonly timestamp: string | null | undefined;
  /** The raw request body: the bytes as received, or their text (encoded as UTF-8). A body
   * parsed and serialized again is not what was signed. */
  readonly body: string | Uint8Array;
  /** The current time in Unix seconds; the clock when omitted. */
  readonly now?: number;
  /** How far the timestamp may be from `now`, either way (default 300). */
  readonly toleranceSeconds?: number;
}

/** Why an Evolution API webhook's token was refused. */
export type EvolutionJwtFailure =
  | "missing_token"
  | "malformed_token"
  | "unsupported_algorithm"
  | "bad_signature"
  | "missing_expiry"
  | "expired"
  | "issued_in_future";

/** The claims of an accepted token. Evolution API sends `iat`, `exp` (`iat + 600`),
 * `app: "evolution"` and `action: "webhook"`. */
export interface EvolutionJwtClaims {
  readonly exp: number;
  readonly iat?: number;
  readonly [claim: string]: JsonValue | undefined;
}

/** The verdict on an Evolution API webhook's `Authorization` header. */
export type EvolutionJwtResult =
  | { readonly ok: true; readonly claims: EvolutionJwtClaims }
  | { readonly ok: false; readonly reason: EvolutionJwtFailure };

/** What `verifyEvolutionJwt` reads: the `jwt_key`s and the request's header. */
export interface EvolutionJwtInput {
  /** The `jwt_key`s configured in the webhook's headers (more than one while rotating); each
   * is used as its UTF-8 bytes. At least one, none empty. */
  readonly secrets: readonly string[];
  /** The `Authorization` header (`Bearer <JWT>`), `null`/`undefined` when absent. */
  readonly authorization: string | null | undefined;
  /** The current time in Unix seconds; the clock when omitted. */
  readonly now?: number;
  /** The clock skew allowed on `exp` and `iat` (default 60). */
  readonly leewaySeconds?: number;
}

const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;
const DIGITS = /^[0-9]+$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Checks a Chatwoot webhook: `X-Chatwoot-Signature` must be `sha256=` and the hex HMAC-SHA256,
 * with one of `secrets`, of `"{X-Chatwoot-Timestamp}.{raw body}"`, and the timestamp within
 * `toleranceSeconds` of `now`. The checks run in this order, the first that fails giving the
 * reason: signature present, timestamp present, timestamp decimal digits, signature
 * `sha256=` and 64 hex digits (either case), timestamp not too old nor too far ahead, HMAC.
 * The comparison takes constant time. Throws a `TypeError` only when called wrongly (no
 * secret, an empty secret, a negative tolerance).
 */
export function verifyChatwootSignature(input: ChatwootSignatureInput): ChatwootSignatureResult {
  const secrets = checkedSecrets(input.secrets);
  const tolerance = checkedSeconds(input.toleranceSeconds ?? 300, "toleranceSeconds");
  const now = input.now === undefined ? clock() : checkedSeconds(input.now, "now");
  const { signature, timestamp, body } = input;
  if (signature === null || signature === undefined) return refuse("missing_signature");
  if (timestamp === null || timestamp === undefined) return refuse("missing_timestamp");
  if (!DIGITS.test(timestamp)) return refuse("malformed_timestamp");
  const hex = SIGNATURE.exec(signature)?.[1];
  if (hex === undefined) return refuse("malformed_signature");
  const sent = Number(timestamp);
  if (now - sent > tolerance) return refuse("stale_timestamp");
  if (sent - now > tolerance) return refuse("future_timestamp");
  const given = Buffer.from(hex, "hex");
  let matched = false;
  for (const secret of secrets) {
    const expected = createHmac("sha256", secret).update(timestamp).update(".").update(body).digest();
    // Every secret is tried, so the time taken does not tell which one matched.
    matched = timingSafeEqual(expected, given) || matched;
  }
  return matched ? { ok: true } : refuse("bad_signature");
}

/**
 * Checks an Evolution API webhook's `Authorization: Bearer <JWT>` header: a compact JWS whose
 * header says `"alg": "HS256"` (anything else is refused, `none` and RS256 among them), its
 * HMAC-SHA256 made with one of `secrets`, an `exp` not past `now` by more than
 * `leewaySeconds`, and an `iat`, when present, not ahead of `now` by more than that. The
 * checks run in this order: header present and `Bearer `, three base64url parts whose first
 * two are JSON objects, algorithm, signature (constant time), `exp` present, claims' types,
 * expiry, issue time. `nbf`, `aud` and `iss` are not checked (Evolution API sends none).
 * Throws a `TypeError` only when called wrongly (no secret, an empty secret, a negative
 * leeway).
 */
export function verifyEvolutionJwt(input: EvolutionJwtInput): EvolutionJwtResult {
  const secrets = checkedSecrets(input.secrets);
  const leeway = checkedSeconds(input.leewaySeconds ?? 60, "leewaySeconds");
  const now = input.now === undefined ? clock() : checkedSeconds(input.now, "now");
  const { authorization } = input;
  if (typeof authorization !== "string" || !authorization.startsWith("Bearer ")) return refuse("missing_token");
  const parts = authorization.slice("Bearer ".length).split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part) && part.length % 4 !== 1)) {
    return refuse("malformed_token");
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = jsonObject(headerPart);
  const claims = jsonObject(payloadPart);
  if (header === undefined || claims === undefined) return refuse("malformed_token");
  if (header["alg"] !== "HS256") return refuse("unsupported_algorithm");
  const given = Buffer.from(signaturePart, "latin1");
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(
      createHmac("sha256", secret).update(`${headerPart}.${payloadPart}`).digest("base64url"),
      "latin1",
    );
    matched = (expected.length === given.length && timingSafeEqual(expected, given)) || matched;
  }
  if (!matched) return refuse("bad_signature");
  const { exp, iat } = claims;
  if (exp === undefined) return refuse("missing_expiry");
  if (!isSeconds(exp) || (iat !== undefined && !isSeconds(iat))) return refuse("malformed_token");
  if (now > exp + leeway) return refuse("expired");
  if (iat !== undefined && iat > now + leeway) return refuse("issued_in_future");
  return { ok: true, claims: claims as EvolutionJwtClaims };
}

function refuse<R extends string>(reason: R): { readonly ok: false; readonly reason: R } {
  return { ok: false, reason };
}

function clock(): number {
  return Math.floor(Date.now() / 1000);
}

function checkedSecrets(secrets: readonly string[]): readonly string[] {
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw new TypeError("webhook-auth: `secrets` must hold at least one secret");
  }
  if (!secrets.every((secret) => typeof secret === "string" && secret.length > 0)) {
    // An empty key makes an HMAC anyone can compute.
    throw new TypeError("webhook-auth: every secret must be a non-empty string");
  }
  return secrets;
}

function checkedSeconds(value: number, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`webhook-auth: \`${name}\` must be a finite number of seconds, not negative`);
  }
  return value;
}

function isSeconds(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A base64url part decoded as UTF-8 JSON, when that is an object. */
function jsonObject(part: string): { [key: string]: JsonValue } | undefined {
  try {
    // ignoreBOM keeps a leading BOM, which JSON.parse then refuses (as Python's json does).
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(Buffer.from(part, "base64url"));
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as { [key: string]: JsonValue })
      : undefined;
  } catch {
    return undefined;
  }
}

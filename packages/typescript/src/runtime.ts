// The part of the package that is not generated: the validating decoder every provider
// module uses. Validation is ajv (JSON Schema draft 2020-12, strict mode) with the provider's
// union schema, which accepts exactly what the Rust decoder accepts (checked by the mutant
// tests), except for integers beyond 2^53: `JSON.parse` rounds them, so bounds such as
// 2^63 - 1 cannot be told from 2^63.

import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** Why a payload was refused: the provider, the event when the payload names one, the JSON
 * path (`data[0].id`; empty for the whole payload) and what is wrong. Values are never
 * quoted (they may be secrets or personal data). */
export interface DecodeError {
  readonly provider: string;
  readonly event: string | null;
  readonly path: string;
  readonly message: string;
}

/** A decoded event, or why the payload was refused. */
export type DecodeResult<E> = { readonly ok: true; readonly event: E } | { readonly ok: false; readonly error: DecodeError };

/** How a provider's payloads name their event. */
export interface SpineInfo {
  /** Where the name sits in a body: `["meta", "type"]`. */
  readonly namePath: readonly string[];
  /** The key a wrapped body sits under (`payload`, `message`), or `null`. */
  readonly wrapper: string | null;
  /** Other names of known events, alias → wire name. */
  readonly aliases: Readonly<Record<string, string>>;
  /** The schema definition of each known event's body, by wire name. */
  readonly bodies: Readonly<Record<string, string>>;
}

/** The deepest nesting the Rust decoder accepts (the top object is level 1). */
export const MAX_DEPTH = 100;

/** How deep `value` nests objects and arrays, without recursion (a hostile payload must not
 * exhaust the stack); stops counting past `MAX_DEPTH`. */
function depth(value: unknown): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [node, level] = pending.pop() as [unknown, number];
    if (typeof node !== "object" || node === null) continue;
    deepest = Math.max(deepest, level);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      pending.push([child, level + 1]);
    }
  }
  return deepest;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `/data/0/id` → `data[0].id`, the path form the Rust errors use. */
function jsonPath(pointer: string): string {
  let path = "";
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^(0|[1-9][0-9]*)$/.test(segment)) {
      path += `[${segment}]`;
    } else {
      path += path === "" ? segment : `.${segment}`;
    }
  }
  return path;
}

function join(prefix: string, path: string): string {
  if (prefix === "") return path;
  if (path === "") return prefix;
  return path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** The error ajv found deepest in the payload: the one that says the most. */
function deepest(errors: readonly ErrorObject[]): ErrorObject | undefined {
  let best: ErrorObject | undefined;
  for (const error of errors) {
    if (best === undefined || error.instancePath.split("/").length > best.instancePath.split("/").length) {
      best = error;
    }
  }
  return best;
}

/** The decoder of one provider. Schemas are compiled on first use. */
export class Decoder<E> {
  readonly #provider: string;
  readonly #schema: { readonly $id?: string };
  readonly #spine: SpineInfo;
  #ajv: Ajv2020 | undefined;
  #union: ValidateFunction | undefined;
  readonly #bodies = new Map<string, ValidateFunction>();

  constructor(provider: string, schema: object, spine: SpineInfo) {
    this.#provider = provider;
    this.#schema = schema as { readonly $id?: string };
    this.#spine = spine;
  }

  #compiled(): { ajv: Ajv2020; union: ValidateFunction } {
    if (this.#ajv === undefined || this.#union === undefined) {
      this.#ajv = new Ajv2020({ strict: true, allErrors: false });
      this.#union = this.#ajv.compile(this.#schema);
    }
    return { ajv: this.#ajv, union: this.#union };
  }

  #body(wire: string): ValidateFunction | undefined {
    const definition = this.#spine.bodies[wire];
    if (definition === undefined) return undefined;
    let validate = this.#bodies.get(wire);
    if (validate === undefined) {
      const { ajv } = this.#compiled();
      validate = ajv.compile({ $ref: `${this.#schema.$id ?? ""}#/$defs/${definition}` });
      this.#bodies.set(wire, validate);
    }
    return validate;
  }

  /** Decodes JSON text or UTF-8 bytes. Never throws. */
  decode(input: string | Uint8Array): DecodeResult<E> {
    const fail = (event: string | null, path: string, message: string): DecodeResult<E> => ({
      ok: false,
      error: { provider: this.#provider, event, path, message },
    });
    let text: string;
    try {
      text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return fail(null, "", "the payload is not UTF-8");
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return fail(null, "", `the payload is not JSON: ${(error as Error).message}`);
    }
    if (!isObject(value)) {
      return fail(null, "", "the payload is not a JSON object");
    }
    if (depth(value) > MAX_DEPTH) {
      return fail(null, "", `nesting deeper than ${MAX_DEPTH} levels`);
    }
    const wrapper = this.#spine.wrapper;
    const wrapped = wrapper !== null && isObject(value[wrapper]);
    const body = wrapped && wrapper !== null ? (value[wrapper] as JsonObject) : value;
    const prefix = wrapped && wrapper !== null ? wrapper : "";
    let name: unknown = body;
    for (const segment of this.#spine.namePath) {
      name = isObject(name) ? name[segment] : undefined;
    }
    const wire = typeof name === "string" ? (this.#spine.aliases[name] ?? name) : null;
    const { union } = this.#compiled();
    if (union(value)) {
      if (wire === null) {
        return fail(null, join(prefix, this.#spine.namePath.join(".")), "no event name");
      }
      const known = this.#spine.bodies[wire] !== undefined;
      return { ok: true, event: { known, name: wire, body, raw: text } as E };
    }
    if (wire === null) {
      const where = join(prefix, this.#spine.namePath.join("."));
      return fail(null, where, typeof name === "undefined" || name === null ? "no event name" : "the event name is not a string");
    }
    const own = this.#body(wire);
    if (own !== undefined && !own(body)) {
      const error = deepest(own.errors ?? []);
      return fail(wire, join(prefix, jsonPath(error?.instancePath ?? "")), error?.message ?? "does not fit the event's schema");
    }
    const error = deepest(union.errors ?? []);
    return fail(wire, jsonPath(error?.instancePath ?? ""), error?.message ?? "does not fit the schema");
  }
}

/** What `Validator.parse` gives: the value, or where and why it was refused. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: { readonly path: string; readonly message: string } };

/** Parses JSON and validates it against one schema (compiled on first use): for documents
 * that are not provider payloads, such as normalized records. */
export class Validator<T> {
  readonly #schema: object;
  #validate: ValidateFunction | undefined;

  constructor(schema: object) {
    this.#schema = schema;
  }

  #compiled(): ValidateFunction {
    if (this.#validate === undefined) {
      this.#validate = new Ajv2020({ strict: true, allErrors: false }).compile(this.#schema);
    }
    return this.#validate;
  }

  /** Whether `value` fits the schema. */
  is(value: unknown): value is T {
    return depth(value) <= MAX_DEPTH && this.#compiled()(value);
  }

  /** Parses JSON text or UTF-8 bytes and validates the value. Never throws. */
  parse(input: string | Uint8Array): ParseResult<T> {
    const fail = (path: string, message: string): ParseResult<T> => ({ ok: false, error: { path, message } });
    let text: string;
    try {
      text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return fail("", "the input is not UTF-8");
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return fail("", `the input is not JSON: ${(error as Error).message}`);
    }
    if (depth(value) > MAX_DEPTH) {
      return fail("", `nesting deeper than ${MAX_DEPTH} levels`);
    }
    const validate = this.#compiled();
    if (validate(value)) {
      return { ok: true, value: value as T };
    }
    const error = deepest(validate.errors ?? []);
    return fail(jsonPath(error?.instancePath ?? ""), error?.message ?? "does not fit the schema");
  }
}

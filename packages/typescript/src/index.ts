// One namespace per provider; import a provider's module directly
// (`@chat-events/types/chatapp`) to load only its schema.

export * as chatapp from "./generated/chatapp.js";
export * as codechat from "./generated/codechat.js";
export * as onechat from "./generated/onechat.js";
export * as onechatWebhook from "./generated/onechat-webhook.js";
export * as normalized from "./generated/normalized.js";
export type { DecodeError, DecodeResult, JsonObject, JsonValue, ParseResult } from "./runtime.js";

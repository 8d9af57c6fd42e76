// One namespace per provider; import a provider's module directly
// (`@chat-events/types/chatapp`) to load only its schema.

export * as chatapp from "./generated/chatapp.js";
export * as codechat from "./generated/codechat.js";
export * as onechat from "./generated/onechat.js";
export * as onechatWebhook from "./generated/onechat-webhook.js";
export * as normalized from "./generated/normalized.js";
export type { DecodeError, DecodeResult, JsonObject, JsonValue, ParseResult } from "./runtime.js";
// Webhook authentication (Chatwoot's signature, Evolution API's JWT); also the subpath
// `@chat-events/types/webhook-auth`.
export {
  verifyChatwootSignature,
  verifyEvolutionJwt,
  type ChatwootSignatureFailure,
  type ChatwootSignatureInput,
  type ChatwootSignatureResult,
  type EvolutionJwtClaims,
  type EvolutionJwtFailure,
  type EvolutionJwtInput,
  type EvolutionJwtResult,
} from "./webhook-auth.js";

import type { FaultRule } from "../faults/fault-types.js";
import type { ModelFamily } from "../families/model-family.js";
import type { ModelCapabilities } from "../models/model-capabilities.js";
import type { InferenceProfileDeclaration } from "../profiles/inference-profile.js";
import type { ScriptDefinition, StreamingOptions } from "../scripts/script-types.js";
import type { ApiKey } from "./api-keys.js";

/**
 * Options of `startEmulator`.
 *
 * @example
 * const options: EmulatorOptions = { port: 0, script: { turns: [{ text: "Hello!" }] } };
 */
export interface EmulatorOptions {
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** Port; default 0 (a free random port). */
  port?: number;
  /** Script loaded at start (and restored by `reset()`). */
  script?: ScriptDefinition;
  /** A JSON script file loaded at start; combined with `script` (file first). */
  scriptFile?: string;
  /** Faults active from the start (and restored by `reset()`). */
  faults?: FaultRule[];
  /** Pacing of streamed answers. */
  streaming?: StreamingOptions;
  /**
   * Extra model identifiers to accept, mapped to the family name or base model ID they stand for,
   * e.g. `{ "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc": "anthropic.claude-3-5-haiku-20241022-v1:0" }`.
   */
  models?: Record<string, string>;
  /** Native InvokeModel families; default: the built-in registry. */
  families?: readonly ModelFamily[];
  /** Answer requests without an `Authorization` header with 403, as the service does. Default false. */
  requireAuthorization?: boolean;
  /**
   * Application inference profiles that exist from the start (and after `reset()`): their ARNs
   * resolve to their model on Converse / InvokeModel, and the control plane's
   * `GetInferenceProfile` describes them.
   */
  inferenceProfiles?: InferenceProfileDeclaration[];
  /** Region in the ARNs the emulator builds. Default `us-east-1`. */
  region?: string;
  /** Account ID in the ARNs the emulator builds. Default `123456789012`. */
  accountId?: string;
  /**
   * Bedrock API keys accepted as `Authorization: Bearer <key>` (with an optional expiry). When set,
   * any other or expired bearer token is refused with the service's 403; SigV4 requests are
   * unaffected. Default: any bearer token is accepted.
   */
  apiKeys?: ApiKey[];
  /**
   * Changes to what a model accepts, by base model ID (or the ID as routed), e.g.
   * `{ "amazon.nova-micro-v1:0": { countTokens: true } }`: prompt caching, thinking, native
   * structured output, strict tools, CountTokens.
   */
  modelCapabilities?: Record<string, Partial<ModelCapabilities>>;
  /** The clock (milliseconds) for prompt-cache TTLs and API-key expiry; default `Date.now`. Tests move it instead of waiting. */
  now?: () => number;
  /** How many received requests are kept for inspection (oldest dropped first). Default 10,000. */
  maxRecordedRequests?: number;
  /**
   * How long an idle HTTP/1.1 connection stays open, in milliseconds; default 5,000 (Node's).
   * Responses announce it (`Keep-Alive: timeout=N`), and Node's clients close idle sockets at
   * about the same moment, so a client that sends after a long pause can race the close and see
   * "socket hang up". Raise it when clients pause for seconds between calls without retrying.
   */
  keepAliveTimeoutMs?: number;
}

/** Streaming pacing with every default filled in. */
export interface ResolvedStreamingOptions {
  chunkSize: number;
  firstTokenDelayMs: number;
  chunkDelayMs: number;
}

/**
 * Fills streaming defaults: 8 characters per chunk, no delays.
 *
 * @example
 * resolveStreaming({ chunkSize: 4 }); // { chunkSize: 4, firstTokenDelayMs: 0, chunkDelayMs: 0 }
 */
export function resolveStreaming(streaming: StreamingOptions | undefined): ResolvedStreamingOptions {
  return {
    chunkSize: streaming?.chunkSize ?? 8,
    firstTokenDelayMs: streaming?.firstTokenDelayMs ?? 0,
    chunkDelayMs: streaming?.chunkDelayMs ?? 0,
  };
}

import type { InvokeModelCommandInput } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { NativeBody } from "../adapter.js";
import { NativeResponseError } from "../errors/native-response-error.js";

const TRACE = { enabled: "ENABLED", disabled: "DISABLED", enabled_full: "ENABLED_FULL" } as const;
// Both are stateless between calls (no streaming decode), so one of each serves every request and chunk.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A native body as the bytes InvokeModel sends.
 *
 * @example
 * new InvokeModelCommand({ modelId, body: encodeNativeBody({ inputText: "Hi" }), contentType: "application/json" });
 */
export function encodeNativeBody(body: NativeBody): Uint8Array {
  return encoder.encode(JSON.stringify(body));
}

/**
 * The InvokeModel input for a native body. Converse's body-level options travel as InvokeModel
 * headers: guardrail identifier, version and trace, performance latency, service tier and
 * request metadata.
 *
 * @example
 * invokeCommandInput({ modelId: "amazon.titan-text-express-v1", messages: [] }, { inputText: "Hi" });
 */
export function invokeCommandInput(request: ModelRequest, body: NativeBody): InvokeModelCommandInput {
  const guardrail = request.guardrailConfig;
  const trace = guardrail?.trace !== undefined ? TRACE[guardrail.trace as keyof typeof TRACE] : undefined;
  return {
    modelId: request.modelId,
    body: encodeNativeBody(body),
    contentType: "application/json",
    accept: "application/json",
    ...(guardrail?.guardrailIdentifier !== undefined && { guardrailIdentifier: guardrail.guardrailIdentifier }),
    ...(guardrail?.guardrailVersion !== undefined && { guardrailVersion: guardrail.guardrailVersion }),
    ...(trace !== undefined && { trace }),
    ...(request.performanceConfig?.latency !== undefined && { performanceConfigLatency: request.performanceConfig.latency }),
    ...(request.serviceTier?.type !== undefined && { serviceTier: request.serviceTier.type }),
    ...(request.requestMetadata !== undefined && { requestMetadata: JSON.stringify(request.requestMetadata) }),
  };
}

/** Bedrock's own keys in native bodies and chunks, kept apart from the model's JSON. */
export interface BedrockAnnotations {
  invocationMetrics?: unknown;
  guardrailIntervened: boolean;
}

/**
 * Splits a native body or chunk into the model's JSON and Bedrock's `amazon-bedrock-*` keys
 * (invocation metrics, guardrail action, trace).
 *
 * @example
 * splitBedrockKeys({ generation: "x", "amazon-bedrock-invocationMetrics": { inputTokenCount: 3 } });
 */
export function splitBedrockKeys(body: NativeBody): { body: NativeBody; annotations: BedrockAnnotations } {
  const clean: NativeBody = {};
  const annotations: BedrockAnnotations = { guardrailIntervened: false };
  for (const [key, value] of Object.entries(body)) {
    if (!key.startsWith("amazon-bedrock-")) clean[key] = value;
    else if (key === "amazon-bedrock-invocationMetrics") annotations.invocationMetrics = value;
    else if (key === "amazon-bedrock-guardrailAction" && value === "INTERVENED") annotations.guardrailIntervened = true;
  }
  return { body: clean, annotations };
}

/**
 * Parses a native JSON body from bytes; a `NativeResponseError` naming the family (its message
 * starting with `where`, e.g. `"stream chunk: "`) when it is not a JSON object.
 *
 * @example
 * parseNativeJson(new TextEncoder().encode('{"a":1}'), "meta-llama"); // { a: 1 }
 */
export function parseNativeJson(bytes: Uint8Array | undefined, family: string, where = ""): NativeBody {
  const text = decoder.decode(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new NativeResponseError(family, `${where}the body is not JSON`, text);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new NativeResponseError(family, `${where}the body is not a JSON object`, text);
  }
  return parsed as NativeBody;
}

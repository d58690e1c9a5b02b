import type { InvokeModelCommandInput } from "@aws-sdk/client-bedrock-runtime";
import type { ModelRequest } from "@sluice/core";
import type { NativeBody } from "../adapter.js";

const TRACE = { enabled: "ENABLED", disabled: "DISABLED", enabled_full: "ENABLED_FULL" } as const;

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
    body: new TextEncoder().encode(JSON.stringify(body)),
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
 * Parses a native JSON body from bytes, naming the family when it is not a JSON object.
 *
 * @example
 * parseNativeJson(new TextEncoder().encode('{"a":1}'), "meta-llama"); // { a: 1 }
 */
export function parseNativeJson(bytes: Uint8Array | undefined, onError: (message: string, text: string) => Error): NativeBody {
  const text = new TextDecoder().decode(bytes ?? new Uint8Array());
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw onError("the body is not JSON", text);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw onError("the body is not a JSON object", text);
  return parsed as NativeBody;
}

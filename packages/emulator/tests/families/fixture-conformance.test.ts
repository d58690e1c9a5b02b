import { describe, expect, it } from "vitest";
import { resolveFamily } from "../../src/families/resolve-family.js";
import { chunkKinds, nativeDifferences, VOLATILE_KEYS, withoutPaths } from "./native-shape-diff.js";
import { fixturesPresent, fixturesRoot } from "../helpers/recorded-fixtures.js";
import { recordedInvocations, type RecordedInvocation } from "./recorded-interactions.js";
import { recordedTurn } from "./recorded-turns.js";

if (!fixturesPresent) console.warn(`[emulator families] ${fixturesRoot} is absent: the fixture conformance tests are skipped.`);

/** A recording's departure from what the emulator renders, and why it is accepted. */
interface KnownDifference {
  reason: string;
  ignorePaths?: string[];
  ignoreKeyOrder?: boolean;
  /** Only the request is checked: the answer is shaped by something outside the family. */
  requestOnly?: boolean;
}

// Each entry is a recording whose answer legitimately differs from today's rendering.
const KNOWN_DIFFERENCES: Record<string, KnownDifference> = {
  "dd-trace-py-bedrock-cassettes/anthropic_invoke.yaml#0": { reason: "January 2024 text completions had no `type` key yet", ignorePaths: ["type"] },
  "dd-trace-py-bedrock-cassettes/anthropic_invoke_stream.yaml#0": { reason: "January 2024 text completions had no `type` key yet", ignorePaths: ["type"] },
  "dd-trace-py-bedrock-cassettes/anthropic_message_invoke.yaml#0": {
    reason: "March 2024: `model` came before `content` and named an internal 28k variant",
    ignorePaths: ["model"],
    ignoreKeyOrder: true,
  },
  "dd-trace-py-bedrock-cassettes/anthropic_message_invoke_stream.yaml#0": {
    reason: "March 2024: `model` came before `content` and named an internal 28k variant; message_start reported 2 output tokens",
    ignorePaths: ["message.model", "message.usage.output_tokens"],
    ignoreKeyOrder: true,
  },
  "dd-trace-py-bedrock-cassettes/cohere_invoke_single_output.yaml#0": { reason: "January 2024 Cohere bodies used another key order", ignoreKeyOrder: true },
  "dd-trace-py-bedrock-cassettes/cohere_invoke_multi_output.yaml#0": {
    reason: "January 2024 key order; the second generation is a different sample, one scripted turn answers both",
    ignoreKeyOrder: true,
    ignorePaths: ["generations.1.text", "generations.1.finish_reason"],
  },
  "openllmetry-bedrock-cassettes/traces__test_nova__test_nova_completion.yaml#0": {
    reason: "a guardrail masked this answer, re-serialised it (role before content) and cut its usage to inputTokens; guardrails are the server's",
    ignorePaths: ["usage"],
    ignoreKeyOrder: true,
  },
  "openllmetry-bedrock-cassettes/traces__test_guardrails__test_guardrail_invoke_stream.yaml#0": {
    reason: "the guardrail blocked the input: the model never ran, so no family answer is involved",
    requestOnly: true,
  },
};

// Guardrail decoration is merged into the family's body by the server, not rendered by families.
const GUARDRAIL_KEYS = ["amazon-bedrock-guardrailAction", "amazon-bedrock-trace"];

function withoutGuardrail<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !GUARDRAIL_KEYS.includes(key))) as T;
}

const NOT_SERVED: Record<string, string> = { "cohere.rerank-v3-5:0": "rerank models are outside the families' scope" };

const recorded: RecordedInvocation[] = fixturesPresent ? recordedInvocations().filter((call) => call.status === 200) : [];

function familyOf(call: RecordedInvocation) {
  const family = resolveFamily(call.modelId);
  if (family === undefined) throw new Error(`no family serves ${call.modelId}`);
  return family;
}

describe.skipIf(!fixturesPresent)("fixture conformance of the native InvokeModel families", () => {
  it("finds the recorded InvokeModel traffic", () => {
    expect(recorded.length).toBeGreaterThanOrEqual(35);
    expect(recorded.filter((call) => call.stream).every((call) => (call.chunks?.length ?? 0) > 0)).toBe(true);
  });

  describe("recorded request bodies are accepted", () => {
    for (const call of recorded) {
      const reason = NOT_SERVED[call.modelId];
      if (reason !== undefined) {
        it.skip(`${call.label} (${call.modelId}): ${reason}`, () => {});
        continue;
      }
      it(`${call.label} (${call.modelId})`, () => {
        const family = familyOf(call);
        if (family.embedding) {
          expect(() => family.embed?.(call.requestBody, call.modelId)).not.toThrow();
          return;
        }
        const request = family.parseRequest(call.requestBody, call.modelId);
        const text = JSON.stringify(request.messages);
        expect(request.messages?.length ?? 0).toBeGreaterThan(0);
        expect(text.length).toBeGreaterThan(20);
      });
    }
  });

  describe("rendered answers match the recorded ones", () => {
    for (const call of recorded) {
      const known = KNOWN_DIFFERENCES[call.label];
      if (NOT_SERVED[call.modelId] !== undefined || known?.requestOnly) {
        it.skip(`${call.label}: ${known?.reason ?? NOT_SERVED[call.modelId]}`, () => {});
        continue;
      }
      // Re-serialised recordings (pydantic-ai's parsed_body) keep the service's values but sort keys.
      const ignoreKeyOrder = (known?.ignoreKeyOrder ?? false) || call.reserialized;
      const options = { volatileKeys: VOLATILE_KEYS, shapeOnlyKeys: new Set(["tokens"]), ignorePaths: known?.ignorePaths ?? [], ignoreKeyOrder };
      it(`${call.label} (${call.stream ? "stream" : "body"})`, () => {
        const family = familyOf(call);
        if (family.embedding) {
          const { body, inputTokens } = family.embed?.(call.requestBody, call.modelId, call.headers["x-amzn-requestid"]) ?? { body: undefined, inputTokens: -1 };
          expect(nativeDifferences(body, call.responseBody, { ...options, shapeOnlyKeys: new Set(["embedding", "embeddings"]) })).toEqual([]);
          const ordered = (inner: unknown) =>
            call.reserialized && typeof inner === "object" && inner !== null && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([left], [right]) => left.localeCompare(right))) : inner;
          const lengths = (value: unknown) => JSON.stringify(value, (_key, inner) => (Array.isArray(inner) && typeof inner[0] === "number" ? inner.length : ordered(inner)));
          expect(lengths(body)).toBe(lengths(call.responseBody));
          expect(inputTokens).toBe(Number(call.headers["x-amzn-bedrock-input-token-count"]));
          return;
        }
        const { turn, context } = recordedTurn(family.name, call);
        if (!call.stream) {
          expect(nativeDifferences(family.renderResponse(turn, context), withoutGuardrail(call.responseBody), options)).toEqual([]);
          return;
        }
        const ignored = known?.ignorePaths ?? [];
        const expected = (call.chunks ?? []).map((chunk) => withoutPaths(withoutGuardrail(chunk), ignored));
        const fullRendered = family.renderStream(turn, context);
        const rendered = fullRendered.map((chunk) => withoutPaths(chunk, ignored));
        expect(chunkKinds(rendered, options.ignoreKeyOrder)).toEqual(chunkKinds(expected, options.ignoreKeyOrder));
        const textOptions = { ...options, unvaluedKeys: new Set(["generation", "outputText", "completion", "text", "generation_token_count"]) };
        expect(nativeDifferences(rendered[0], expected[0], textOptions)).toEqual([]);
        expect(nativeDifferences(rendered.at(-1), expected.at(-1), { ...textOptions, unvaluedKeys: new Set(["generation", "outputText", "completion", "text"]) })).toEqual([]);
        // Reading the rendered stream back gives the recorded turn: no text, stop reason or usage is lost.
        expect(recordedTurn(family.name, { ...call, chunks: fullRendered as Array<Record<string, unknown>> }).turn).toEqual(turn);
      });
    }
  });
});

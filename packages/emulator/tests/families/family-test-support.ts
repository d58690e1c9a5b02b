import type { ModelTurn, RenderContext } from "../../src/families/model-family.js";
import type { WireContentBlock } from "../../src/wire/converse-types.js";

/**
 * A turn for family tests: the given content (default a short text), `end_turn`, and usage
 * whose counts are distinct so a test can tell them apart.
 *
 * @example
 * const turn = testTurn([{ text: "Hi" }], { stopReason: "max_tokens" });
 */
export function testTurn(content: WireContentBlock[] = [{ text: "Hello there" }], overrides: Partial<ModelTurn> = {}): ModelTurn {
  return { content, stopReason: "end_turn", usage: { inputTokens: 11, outputTokens: 7, totalTokens: 18 }, ...overrides };
}

/**
 * A render context for family tests, with recognisable invocation metrics.
 *
 * @example
 * const context = testContext("meta.llama3-70b-instruct-v1:0", { chunkSize: 3 });
 */
export function testContext(modelId: string, overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    modelId,
    requestId: "11111111-2222-3333-4444-555555555555",
    chunkSize: 4,
    invocationMetrics: { inputTokenCount: 11, outputTokenCount: 7, invocationLatency: 42, firstByteLatency: 21 },
    ...overrides,
  };
}

/**
 * Runs `action` and returns the message of the error it throws (failing when it does not throw).
 *
 * @example
 * expect(errorMessage(() => family.parseRequest({}))).toContain("required key");
 */
export function errorMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  throw new Error("expected the action to throw");
}

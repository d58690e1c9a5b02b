import type { ModelCall, ModelRequest } from "@sluice/core";

/**
 * A model call as the pipeline hands it to a middleware (first step, fresh state, no container),
 * for unit tests that run a middleware without an agent.
 */
export function testModelCall(streaming: boolean, request: ModelRequest = { modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "hi" }] }] }): ModelCall {
  return { request, streaming, signal: new AbortController().signal, state: {}, step: 1, container: undefined, runId: "run-1" };
}

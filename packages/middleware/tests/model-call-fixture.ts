import type { ModelCall, ModelRequest } from "@sluice/core";
import { modelCall } from "@sluice/core/testing";

/**
 * A model call as the pipeline hands it to a middleware (first step, fresh state),
 * for unit tests that run a middleware without an agent.
 */
export function testModelCall(streaming: boolean, request: ModelRequest = { modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "hi" }] }] }): ModelCall {
  return modelCall({ request, streaming, runId: "run-1" });
}

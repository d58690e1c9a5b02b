import type { ModelTurn } from "../families/model-family.js";
import type { WireConverseRequest } from "../wire/converse-types.js";
import { stringifyServiceJson } from "../wire/stringify-service-json.js";
import { additionalResponseFields } from "./additional-response-fields.js";
import { wireUsage } from "./wire-usage.js";

/**
 * The Converse response body for a turn, serialized like the service (alphabetical keys, compact).
 * `performanceConfig` and `serviceTier` are echoed when the request set them.
 *
 * @example
 * renderConverseResponse(turn, request, 120);
 * // '{"metrics":{"latencyMs":120},"output":{"message":{"content":[{"text":"Hi"}],"role":"assistant"}},"stopReason":"end_turn","usage":{…}}'
 */
export function renderConverseResponse(turn: ModelTurn, request: WireConverseRequest, latencyMs: number): string {
  return stringifyServiceJson({
    additionalModelResponseFields: additionalResponseFields(request, turn),
    metrics: { latencyMs },
    output: { message: { content: turn.content, role: "assistant" } },
    performanceConfig: request.performanceConfig,
    serviceTier: request.serviceTier,
    stopReason: turn.stopReason,
    usage: wireUsage(turn.usage),
  });
}

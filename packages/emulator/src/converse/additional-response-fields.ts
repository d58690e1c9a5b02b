import type { ModelTurn } from "../families/model-family.js";
import type { WireConverseRequest } from "../wire/converse-types.js";

/**
 * Builds `additionalModelResponseFields` for the JSON Pointers the request asked for
 * (`additionalModelResponseFieldPaths`). The scripted model knows only the stop sequence
 * (`/stop_sequence`, `/delta/stop_sequence`); every other path is answered with null.
 *
 * @example
 * additionalResponseFields({ additionalModelResponseFieldPaths: ["/delta/stop_sequence"] }, turn);
 * // { delta: { stop_sequence: null } }
 */
export function additionalResponseFields(request: WireConverseRequest, turn: ModelTurn): Record<string, unknown> | undefined {
  const paths = request.additionalModelResponseFieldPaths;
  if (paths === undefined || paths.length === 0) return undefined;
  // The scripted text was cut at a configured sequence; the first configured one is reported.
  const stopSequence = turn.stopReason === "stop_sequence" ? (request.inferenceConfig?.stopSequences?.[0] ?? null) : null;
  const fields: Record<string, unknown> = {};
  for (const path of paths) {
    const segments = path.split("/").slice(1).map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
    if (segments.length === 0) continue;
    let target = fields;
    segments.slice(0, -1).forEach((segment) => {
      const next = target[segment];
      target = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : (target[segment] = {});
    });
    const leaf = segments[segments.length - 1] ?? "";
    target[leaf] = leaf === "stop_sequence" ? stopSequence : null;
  }
  return fields;
}


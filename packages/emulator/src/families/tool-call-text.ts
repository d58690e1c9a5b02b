import type { WireToolUse } from "../wire/converse-types.js";

/**
 * A tool call written as the JSON text prompt-format models (Llama, DeepSeek) emit for custom
 * tools: `{"name": "…", "parameters": {…}}`, one per line.
 *
 * @example
 * toolCallText([{ toolUseId: "t1", name: "get_weather", input: { city: "Paris" } }]);
 * // '{"name":"get_weather","parameters":{"city":"Paris"}}'
 */
export function toolCallText(toolUses: readonly WireToolUse[]): string {
  return toolUses.map((toolUse) => JSON.stringify({ name: toolUse.name, parameters: toolUse.input ?? {} })).join("\n");
}

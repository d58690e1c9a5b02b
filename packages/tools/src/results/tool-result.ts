import type { ToolResultContentBlock } from "@sluice/core";

const marker = Symbol.for("sluice.tools.result");

/** A tool result spelled out by the handler: its content and status. Build it with `toolResult()`. */
export interface ExplicitToolResult {
  readonly [marker]: true;
  readonly content: string | readonly ToolResultContentBlock[];
  readonly status: "success" | "error";
}

/**
 * Lets a handler say exactly what goes back to the model: text or content blocks, and whether
 * the call failed. Return `toolResult("No such city", { status: "error" })` for a failure the
 * model should hear about without it counting as a crash (no `tool-error` event).
 *
 * @example
 * handler: async ({ city }) => (known(city) ? lookUp(city) : toolResult(`Unknown city ${city}`, { status: "error" })),
 */
export function toolResult(
  content: string | readonly ToolResultContentBlock[],
  options: { status?: "success" | "error" } = {},
): ExplicitToolResult {
  return { [marker]: true, content, status: options.status ?? "success" };
}

/**
 * True for what `toolResult()` returns.
 *
 * @example
 * isExplicitToolResult(toolResult("done")); // true
 */
export function isExplicitToolResult(value: unknown): value is ExplicitToolResult {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}

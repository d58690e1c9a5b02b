import type { ToolCall } from "../middleware/tool-middleware.js";
import type { ToolContext } from "./agent-tool.js";

/**
 * The `ToolContext` a tool gets for a tool call: for middleware that invokes the tool itself
 * (an MCP client list, an approval rule), optionally under another signal.
 *
 * @example
 * const output = await tool.invoke(call.input, toolContextOf(call));
 */
export function toolContextOf(call: ToolCall, signal: AbortSignal = call.signal): ToolContext {
  return { signal, toolUseId: call.toolUseId, step: call.step, runId: call.runId, context: call.context, resolve: call.resolve };
}

import type { AgentTool, ToolContext } from "@sluice/core";

/**
 * What a served tool gets besides its input when an MCP client calls it: the usual tool context
 * (its signal aborts when the client cancels), and a way to report progress when the client
 * asked for it.
 *
 * @example
 * handler: async (input, context) => { await (context as McpToolContext).reportProgress?.(1, 2, "half way"); }
 */
export interface McpToolContext extends ToolContext {
  /** Sends `notifications/progress` to the caller; absent when the caller sent no progress token. */
  readonly reportProgress?: (progress: number, total?: number, message?: string) => Promise<void>;
}

/**
 * A tool a Sluice MCP server offers. Any `AgentTool` qualifies: a `defineTool` tool, an agent
 * wrapped by `agentAsTool`, and (when `@sluice/workflows` lands) a workflow wrapped the same way,
 * reporting its steps through `McpToolContext.reportProgress`. The optional fields describe the
 * tool further to MCP clients.
 *
 * @example
 * const served: ServedTool = { ...getWeather, title: "Weather", annotations: { readOnlyHint: true } };
 */
export interface ServedTool extends AgentTool {
  /** A human-readable name for MCP clients' user interfaces. */
  readonly title?: string;
  /** JSON Schema of the structured result; with it, a single JSON block result is sent as `structuredContent`. */
  readonly outputSchema?: Record<string, unknown>;
  /** MCP tool annotations (hints for clients: read-only, destructive, idempotent, open-world). */
  readonly annotations?: {
    title?: string;
    readOnlyHint?: boolean;
    destructiveHint?: boolean;
    idempotentHint?: boolean;
    openWorldHint?: boolean;
  };
}

import { ConfigurationError, type Agent, type ToolOutput } from "@sluice/core";
import { assertToolName } from "@sluice/core/internal";
import type { McpToolContext, ServedTool } from "./served-tool.js";

/**
 * Options of `agentAsTool`.
 *
 * @example
 * const options: AgentAsToolOptions = { name: "travel_agent", description: "Plans trips", agent: () => new Agent({ modelId, tools }) };
 */
export interface AgentAsToolOptions {
  /** The tool's name (Bedrock's rules: 1 to 64 of `a-z A-Z 0-9 _ -`). */
  name: string;
  /** What the agent can do; the calling model reads it. */
  description: string;
  /**
   * The agent answering each call. A function builds a fresh agent per call, so callers never
   * share a conversation (what an MCP server usually wants). An `Agent` instance keeps one
   * conversation across every call; overlapping calls wait their turn.
   */
  agent: Agent | (() => Agent | Promise<Agent>);
  /** Milliseconds one call may run. Default: the server's or calling agent's tool timeout. */
  timeoutMs?: number;
}

/**
 * Wraps an agent as a tool: its input is `{ message }`, its result the agent's final answer.
 * Serve it with `SluiceMcpServer` (each finished step is reported as progress when the MCP
 * client asks for progress), or give it to another agent as a sub-agent.
 *
 * @example
 * const server = new SluiceMcpServer({
 *   name: "travel",
 *   tools: [agentAsTool({ name: "travel_agent", description: "Answers travel questions", agent: () => new Agent({ modelId, tools: [getWeather] }) })],
 * });
 */
export function agentAsTool(options: AgentAsToolOptions): ServedTool {
  assertToolName(options?.name);
  if (typeof options.description !== "string" || options.description.trim() === "") {
    throw new ConfigurationError(`agentAsTool "${options.name}" needs a description: the calling model reads it to decide when to ask this agent.`);
  }
  if (typeof options.agent !== "function" && (typeof options.agent !== "object" || options.agent === null)) {
    throw new ConfigurationError(`agentAsTool "${options.name}" needs an agent: an Agent, or a function that builds one per call.`);
  }
  return {
    name: options.name,
    description: options.description,
    inputSchema: {
      type: "object",
      properties: { message: { type: "string", description: "What to ask or tell the agent, in plain language." } },
      required: ["message"],
    },
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    metadata: { agent: true },
    async invoke(input: unknown, context: McpToolContext): Promise<ToolOutput> {
      const message = (input as { message?: unknown } | undefined)?.message;
      if (typeof message !== "string" || message.trim() === "") {
        return { content: [{ text: 'Give the agent a non-blank "message" to answer.' }], status: "error" };
      }
      const agent = isAgent(options.agent) ? options.agent : await options.agent();
      const stream = agent.stream(message, { signal: context.signal });
      for await (const event of stream) {
        if (event.type === "step-finish") await context.reportProgress?.(event.step, undefined, `step ${event.step} finished (${event.stopReason ?? "no stop reason"})`);
      }
      const result = await stream.result;
      if (result.status === "interrupted") {
        const waiting = (result.interrupts ?? []).map((interrupt) => `${interrupt.name} (${interrupt.reason})`).join(", ");
        return { content: [{ text: `The agent paused for approval of ${waiting}; it cannot be resumed through this tool.` }], status: "error" };
      }
      const note = result.status === "max-steps" ? " (the agent stopped at its step limit before finishing)" : "";
      const text = result.text.trim() === "" ? "(the agent gave no text answer)" : result.text;
      return { content: [{ text: `${text}${note}` }], status: "success" };
    },
  };
}

function isAgent(value: AgentAsToolOptions["agent"]): value is Agent {
  return typeof value === "object" && value !== null && typeof (value as Agent).stream === "function";
}

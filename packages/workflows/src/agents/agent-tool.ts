import { ConfigurationError, type Agent, type AgentResult, type AgentTool, type StepFinishEvent, type ToolContext, type ToolOutput } from "@sluice/core";
import { assertToolName } from "@sluice/core/internal";
import { isAgent } from "../steps/agent-step.js";

/**
 * Options of `agentTool`.
 *
 * @example
 * const options: AgentToolOptions = { name: "researcher", description: "Finds facts", agent: () => new Agent({ modelId }) };
 */
export interface AgentToolOptions {
  /** The tool's name (Bedrock's rules: 1 to 64 of `a-z A-Z 0-9 _ -`). */
  name: string;
  /** What the agent can do; the calling model reads it to decide when to ask. */
  description: string;
  /** The agent answering calls: an `Agent`, or a function building one. */
  agent: Agent | (() => Agent | Promise<Agent>);
  /**
   * `per-call` (the default for a function): a fresh agent, so a fresh conversation, for every
   * call. `shared` (the default, and the only choice, for an `Agent`): one conversation across
   * calls, which wait their turn.
   */
  conversation?: "per-call" | "shared";
  /** Milliseconds one call may run. Default: the calling agent's tool timeout. */
  timeoutMs?: number;
  /** Called as each of the agent's model calls finishes (for progress reports, e.g. MCP's). */
  onStepFinish?: (event: StepFinishEvent, context: ToolContext) => void | Promise<void>;
}

/**
 * An agent as a tool of another agent (or of an MCP server): its input is `{ message }`, its
 * result the agent's answer. The calling run's signal aborts the inner run, whose conversation
 * stays valid. A paused inner run (an approval) cannot be resumed through a tool, so it comes
 * back as an error result saying so.
 *
 * @example
 * const researcher = agentTool({ name: "researcher", description: "Finds facts on a topic", agent: () => new Agent({ modelId, system: "You find facts." }) });
 * const lead = new Agent({ modelId, tools: [researcher] });
 */
export function agentTool(options: AgentToolOptions): AgentTool {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("agentTool() needs an object: { name, description, agent, conversation? }.");
  assertToolName(options.name);
  const owner = `agentTool "${options.name}"`;
  if (typeof options.description !== "string" || options.description.trim() === "") {
    throw new ConfigurationError(`${owner} needs a description: the calling model reads it to decide when to ask this agent.`);
  }
  const source = options.agent;
  if (typeof source !== "function" && !isAgent(source)) throw new ConfigurationError(`${owner} needs agent: an Agent, or a function that builds one.`);
  const conversation = options.conversation ?? (isAgent(source) ? "shared" : "per-call");
  if (conversation !== "per-call" && conversation !== "shared") throw new ConfigurationError(`${owner}: conversation must be "per-call" or "shared".`);
  if (conversation === "per-call" && isAgent(source)) {
    throw new ConfigurationError(`${owner}: conversation "per-call" needs a function building a fresh agent per call; an Agent instance has one conversation.`);
  }
  if (options.onStepFinish !== undefined && typeof options.onStepFinish !== "function") throw new ConfigurationError(`${owner}: onStepFinish must be a function.`);
  let shared: Promise<Agent> | undefined = isAgent(source) ? Promise.resolve(source) : undefined;
  const agentForCall = (): Promise<Agent> => {
    if (conversation === "per-call") return Promise.resolve((source as () => Agent | Promise<Agent>)());
    return (shared ??= Promise.resolve((source as () => Agent | Promise<Agent>)()));
  };
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
    async invoke(input: unknown, context: ToolContext): Promise<ToolOutput> {
      const message = (input as { message?: unknown } | undefined)?.message;
      if (typeof message !== "string" || message.trim() === "") {
        return { content: [{ text: 'Give the agent a non-blank "message" to answer.' }], status: "error" };
      }
      const agent = await agentForCall();
      if (!isAgent(agent)) throw new ConfigurationError(`${owner}: the agent function returned ${typeof agent}, not an Agent.`);
      let result: AgentResult;
      if (options.onStepFinish) {
        const stream = agent.stream(message, { signal: context.signal });
        for await (const event of stream) if (event.type === "step-finish") await options.onStepFinish(event, context);
        result = await stream.result;
      } else {
        result = await agent.send(message, { signal: context.signal });
      }
      return answerOf(result);
    },
  };
}

/** An inner agent's result as the tool's output: its answer, or an error saying why there is none. */
export function answerOf(result: AgentResult): ToolOutput {
  if (result.status === "interrupted") {
    const waiting = (result.interrupts ?? []).map((interrupt) => `${interrupt.name} (${interrupt.reason})`).join(", ");
    return { content: [{ text: `The agent paused for ${waiting}; it cannot be resumed through this tool.` }], status: "error" };
  }
  const note = result.status === "max-steps" ? " (the agent stopped at its step limit before finishing)" : "";
  const text = result.text.trim() === "" ? "(the agent gave no text answer)" : result.text;
  return { content: [{ text: `${text}${note}` }], status: "success" };
}

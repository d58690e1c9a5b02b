import type { Agent, AgentEvent, AgentInput, AgentResult } from "@sluice/core";
import type { LeafContext } from "./execute-leaf.js";

const agentEventTypes: ReadonlyArray<AgentEvent["type"]> = [
  "text-delta",
  "reasoning-delta",
  "tool-use-start",
  "tool-use-delta",
  "tool-use-complete",
  "tool-result",
  "tool-error",
  "tool-interrupt",
  "step-finish",
  "finish",
];

/**
 * Runs an agent inside a step with the run's signal: `send` when nobody reads agent events,
 * otherwise `stream`, each event passed on tagged with the step's path.
 */
export function sendToAgent(agent: Agent, input: AgentInput, context: LeafContext): Promise<AgentResult> {
  if (!context.scope.run.wantsAgentEvents) return agent.send(input, { signal: context.signal });
  return streamFromAgent(agent, input, context);
}

async function streamFromAgent(agent: Agent, input: AgentInput, context: LeafContext): Promise<AgentResult> {
  const { run } = context.scope;
  const stream = agent.stream(input, { signal: context.signal });
  for await (const event of stream) run.emit({ type: "agent-event", path: context.path, event });
  return stream.result;
}

/**
 * Resumes an agent's paused run inside a step. `agent.resume` does not stream, so the events are
 * read from the agent's emitter for the duration of the call.
 */
export async function resumeAgent(agent: Agent, values: Record<string, unknown>, context: LeafContext): Promise<AgentResult> {
  const { run } = context.scope;
  if (!run.wantsAgentEvents) return agent.resume(values, { signal: context.signal });
  const forward = (event: AgentEvent): void => run.emit({ type: "agent-event", path: context.path, event });
  for (const type of agentEventTypes) agent.on(type, forward as never);
  try {
    return await agent.resume(values, { signal: context.signal });
  } finally {
    for (const type of agentEventTypes) agent.off(type, forward as never);
  }
}

/** Runs an agent in a leaf: continues its paused run when the leaf is resumed, else sends `input`. */
export function runAgentInLeaf(agent: Agent, input: () => AgentInput, context: LeafContext): Promise<AgentResult> {
  if (!context.resumption) return sendToAgent(agent, input(), context);
  if (context.resumption.pause.agent) agent.restore(context.resumption.pause.agent);
  return resumeAgent(agent, context.resumption.values, context);
}

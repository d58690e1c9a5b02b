import type { Conversation } from "../conversation/conversation.js";
import { emptyUsage } from "../conversation/usage.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { PendingMessages } from "../conversation/pending-messages.js";
import { toUserMessage, type AgentInput } from "./agent-input.js";
import type { PausedTurn, TurnStart } from "./turn-runner.js";

/**
 * Where a run starts: new input (joined to a trailing user message of tool results, if the last
 * run stopped there), no input (continue from such a message), or resume values for a paused run.
 */
export function turnStartFor(
  conversation: Conversation,
  paused: PausedTurn | undefined,
  input: AgentInput | undefined,
  resumeValues: Record<string, unknown> | undefined,
): TurnStart {
  if (resumeValues !== undefined) {
    if (!paused) throw new ConfigurationError("resume() was called but no run is paused. Check agent.pendingInterrupts first.");
    const missing = paused.interrupts.filter((interrupt) => !(interrupt.toolUseId in resumeValues));
    if (missing.length > 0) {
      throw new ConfigurationError(`resume() needs a value for every paused tool call; missing: ${missing.map((m) => m.toolUseId).join(", ")}.`);
    }
    return {
      ...paused.start,
      messages: [...paused.start.messages],
      usage: { ...paused.start.usage },
      steps: [...paused.start.steps],
      resume: { outcomes: new Map(paused.outcomes), values: new Map(Object.entries(resumeValues)) },
    };
  }
  if (paused) {
    throw new ConfigurationError("A run is paused waiting for resume(); resume it (approve or deny) before sending new input.");
  }
  const last = conversation.lastMessage;
  const trailingUser = last?.role === "user" ? last : undefined;
  if (input === undefined) {
    if (!trailingUser) throw new ConfigurationError("send() needs input unless the conversation ends with tool results to continue from.");
    return { messages: [trailingUser], replacesLast: true, stepsTaken: 0, usage: emptyUsage(), steps: [] };
  }
  const message = toUserMessage(input, trailingUser);
  const pending = new PendingMessages(conversation, trailingUser !== undefined);
  pending.add(message, "The input is refused");
  return { messages: pending.messages, replacesLast: pending.replacesLast, stepsTaken: 0, usage: emptyUsage(), steps: [], pending };
}

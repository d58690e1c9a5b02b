import type { Conversation } from "../conversation/conversation.js";
import { emptyUsage } from "../conversation/usage.js";
import { AbortError } from "../errors/abort-error.js";
import { AgentRunError } from "../errors/agent-errors.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { SluiceError } from "../errors/sluice-error.js";
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
  return { messages: [message], replacesLast: trailingUser !== undefined, stepsTaken: 0, usage: emptyUsage(), steps: [] };
}

/**
 * The error a failed run ends with: a Sluice error as it is (an `AbortError` if the run was
 * aborted), anything else wrapped in `AgentRunError`; with what the rollback discarded.
 */
export function rolledBackError(error: unknown, start: TurnStart, signal: AbortSignal, conversationLength: number): SluiceError {
  let wrapped: SluiceError;
  if (signal.aborted && !AbortError.isInstance(error)) {
    wrapped = new AbortError("The agent run was aborted.", { cause: error });
  } else if (SluiceError.isInstance(error)) {
    wrapped = error;
  } else {
    const detail = error instanceof Error ? error.message : String(error);
    wrapped = new AgentRunError(`The agent run failed: ${detail}`, error);
  }
  const discarded = start.resume ? 0 : start.replacesLast ? start.messages.length - 1 : start.messages.length;
  wrapped.rollback = { discardedMessages: Math.max(discarded, 0), conversationLength };
  if (!wrapped.message.includes("rolled back")) {
    wrapped.message += ` (The turn was rolled back: the conversation is unchanged at ${conversationLength} messages.)`;
  }
  return wrapped;
}

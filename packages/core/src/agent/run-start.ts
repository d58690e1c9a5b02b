import type { Message } from "@aws-sdk/client-bedrock-runtime";
import type { Conversation } from "../conversation/conversation.js";
import { PendingMessages } from "../conversation/pending-messages.js";
import { emptyUsage, type Usage } from "../conversation/usage.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import type { ToolCallOutcome } from "../middleware/tool-middleware.js";
import { toUserMessage, type AgentInput } from "./agent-input.js";
import type { AgentStep, PendingInterrupt } from "./agent-result.js";

/** Where a run starts: fresh input, or a paused run being resumed. */
export interface RunStart {
  /** Messages of this run not yet in the conversation (the user input first). */
  messages: Message[];
  /** The first message replaces the conversation's trailing user message instead of following it. */
  replacesLast: boolean;
  /** Steps already taken (resuming), else 0. */
  stepsTaken: number;
  usage: Usage;
  steps: AgentStep[];
  /** When resuming: the tool round the run paused in (results known so far, values for the paused calls). */
  round?: { outcomes: Map<string, ToolCallOutcome>; values: Map<string, unknown> };
  /** `messages`, already checked against the conversation (built when the input was given). */
  pending?: PendingMessages;
}

/** A run that ended paused: what must be kept to resume it. */
export interface PausedRun {
  start: RunStart;
  outcomes: Map<string, ToolCallOutcome>;
  interrupts: PendingInterrupt[];
}

/** What a run starts from: its input, or the values that resume a paused run. */
export type RunRequest = { input: AgentInput | undefined } | { resumeValues: Record<string, unknown> };

/**
 * Where a run starts: new input (joined to a trailing user message of tool results, if the last
 * run stopped there), no input (continue from such a message), or resume values for a paused run.
 */
export function runStartFor(conversation: Conversation, paused: PausedRun | undefined, request: RunRequest): RunStart {
  if ("resumeValues" in request) {
    const values = request.resumeValues;
    if (!paused) throw new ConfigurationError("resume() was called but no run is paused. Check agent.pendingInterrupts first.");
    const missing = paused.interrupts.filter((interrupt) => !(interrupt.toolUseId in values));
    if (missing.length > 0) {
      throw new ConfigurationError(`resume() needs a value for every paused tool call; missing: ${missing.map((m) => m.toolUseId).join(", ")}.`);
    }
    return {
      ...paused.start,
      messages: [...paused.start.messages],
      usage: { ...paused.start.usage },
      steps: [...paused.start.steps],
      round: { outcomes: new Map(paused.outcomes), values: new Map(Object.entries(values)) },
    };
  }
  if (paused) {
    throw new ConfigurationError("A run is paused waiting for resume(); resume it (approve or deny) before sending new input.");
  }
  const last = conversation.lastMessage;
  const trailingUser = last?.role === "user" ? last : undefined;
  if (request.input === undefined) {
    if (!trailingUser) throw new ConfigurationError("send() needs input unless the conversation ends with tool results to continue from.");
    return { messages: [trailingUser], replacesLast: true, stepsTaken: 0, usage: emptyUsage(), steps: [] };
  }
  const message = toUserMessage(request.input, trailingUser);
  const pending = new PendingMessages(conversation, trailingUser !== undefined);
  pending.add(message, "The input is refused");
  return { messages: pending.messages, replacesLast: pending.replacesLast, stepsTaken: 0, usage: emptyUsage(), steps: [], pending };
}

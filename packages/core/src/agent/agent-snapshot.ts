import type { Conversation, ConversationSnapshot } from "../conversation/conversation.js";
import { isPlainObject } from "../conversation/content-rules.js";
import { PendingMessages } from "../conversation/pending-messages.js";
import { readMessages, readUsage, refusePrototypeKeys, snapshotProblem } from "../conversation/snapshot-reader.js";
import { messageFromJson, messageToJson } from "../conversation/json-codec.js";
import type { Usage } from "../conversation/usage.js";
import type { ToolCallOutcome } from "../middleware/tool-middleware.js";
import type { AgentStep, PendingInterrupt } from "./agent-result.js";
import type { PausedRun } from "./run-start.js";

/** A paused run as plain JSON: enough to resume it in another process. */
export interface PausedRunSnapshot {
  messages: unknown[];
  replacesLast: boolean;
  stepsTaken: number;
  usage: Usage;
  /** The run's steps so far (messages and tool results in wire JSON), so a resumed run reports all of them. */
  steps: unknown[];
  /** Results of the tool calls of the paused step that already finished, by toolUseId. */
  results: Record<string, { content: unknown[]; status: "success" | "error" }>;
  interrupts: PendingInterrupt[];
}

/**
 * An agent's state as plain JSON: its conversation and, if a tool paused the last run, that run.
 *
 * @example
 * const saved = JSON.stringify(agent.snapshot());
 * const later = new Agent(sameOptions); later.restore(JSON.parse(saved)); await later.resume({ [id]: { approved: true } });
 */
export interface AgentSnapshot {
  format: "sluice.agent";
  version: 1;
  conversation: ConversationSnapshot;
  paused?: PausedRunSnapshot;
}

export function pausedToJson(paused: PausedRun): PausedRunSnapshot {
  const results: PausedRunSnapshot["results"] = {};
  for (const [id, outcome] of paused.outcomes) {
    if (outcome.type !== "result") continue;
    const content = (messageToJson({ role: "user", content: outcome.content as never }) as { content: unknown[] }).content;
    results[id] = { content, status: outcome.status };
  }
  return {
    messages: paused.start.messages.map(messageToJson),
    replacesLast: paused.start.replacesLast,
    stepsTaken: paused.start.stepsTaken,
    usage: { ...paused.start.usage },
    steps: paused.start.steps.map(stepToJson),
    results,
    interrupts: paused.interrupts.map((interrupt) => ({ ...interrupt })),
  };
}

/**
 * Reads a paused run back, checking its shape and that its messages may follow `conversation`
 * (a problem throws `ConversationValidationError` naming the path, under `paused`).
 */
export function pausedFromJson(json: PausedRunSnapshot, conversation: Conversation): PausedRun {
  if (!isPlainObject(json)) snapshotProblem("paused", "must be the object snapshot() wrote for a paused run.");
  refusePrototypeKeys(json, "paused");
  if (typeof json.replacesLast !== "boolean") snapshotProblem("paused.replacesLast", "must be true or false.");
  if (!Number.isInteger(json.stepsTaken) || json.stepsTaken < 0) snapshotProblem("paused.stepsTaken", "must be a whole number ≥ 0.");
  const messages = readMessages(json.messages, "paused.messages");
  const pending = new PendingMessages(conversation, json.replacesLast);
  try {
    pending.addAll(messages);
  } catch (error) {
    if (error instanceof Error) error.message = `paused: ${error.message}`;
    throw error;
  }
  if (!isPlainObject(json.results)) snapshotProblem("paused.results", "must be an object of tool results by toolUseId.");
  const outcomes = new Map<string, ToolCallOutcome>();
  for (const [id, result] of Object.entries(json.results)) {
    const at = `paused.results.${id}`;
    if (!isPlainObject(result) || !Array.isArray(result.content)) snapshotProblem(at, "must be { content: [...], status }.");
    if (result.status !== "success" && result.status !== "error") snapshotProblem(`${at}.status`, 'must be "success" or "error".');
    const content = messageFromJson({ role: "user", content: result.content }).content ?? [];
    outcomes.set(id, { type: "result", content: content as never, status: result.status });
  }
  if (!Array.isArray(json.interrupts) || json.interrupts.length === 0) snapshotProblem("paused.interrupts", "must list the paused tool calls.");
  json.interrupts.forEach((interrupt, index) => {
    if (!isPlainObject(interrupt) || typeof interrupt.toolUseId !== "string" || typeof interrupt.name !== "string" || typeof interrupt.reason !== "string") {
      snapshotProblem(`paused.interrupts[${index}]`, "must be { toolUseId, name, input, reason }.");
    }
  });
  const steps = json.steps ?? [];
  if (!Array.isArray(steps)) snapshotProblem("paused.steps", "must be an array.");
  return {
    start: {
      messages: pending.messages,
      replacesLast: json.replacesLast,
      stepsTaken: json.stepsTaken,
      usage: readUsage(json.usage, "paused.usage"),
      steps: steps.map((step, index) => stepFromJson(step, `paused.steps[${index}]`)),
    },
    outcomes,
    interrupts: json.interrupts.map((interrupt) => ({ ...interrupt })),
  };
}

function stepToJson(step: AgentStep): unknown {
  return {
    ...step,
    message: step.message ? messageToJson(step.message) : undefined,
    toolCalls: step.toolCalls.map((call) => ({
      ...call,
      content: (messageToJson({ role: "user", content: call.content as never }) as { content: unknown[] }).content,
    })),
  };
}

function stepFromJson(json: unknown, path: string): AgentStep {
  if (!isPlainObject(json) || !Array.isArray(json["toolCalls"])) snapshotProblem(path, "must be a step { step, stopReason, message, usage, toolCalls }.");
  const step = json as unknown as AgentStep;
  return {
    ...step,
    message: step.message ? messageFromJson(step.message) : undefined,
    toolCalls: step.toolCalls.map((call) => ({
      ...call,
      content: (messageFromJson({ role: "user", content: call.content }).content ?? []) as never,
    })),
  };
}

import type { ConversationSnapshot } from "../conversation/conversation.js";
import { messageFromJson, messageToJson } from "../conversation/json-codec.js";
import type { Usage } from "../conversation/usage.js";
import type { ToolCallOutcome } from "../middleware/tool-middleware.js";
import type { AgentStep, PendingInterrupt } from "./agent-result.js";
import type { PausedTurn } from "./turn-runner.js";

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

export function pausedToJson(paused: PausedTurn): PausedRunSnapshot {
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

export function pausedFromJson(json: PausedRunSnapshot): PausedTurn {
  const outcomes = new Map<string, ToolCallOutcome>();
  for (const [id, result] of Object.entries(json.results)) {
    const content = messageFromJson({ role: "user", content: result.content }).content ?? [];
    outcomes.set(id, { type: "result", content: content as never, status: result.status });
  }
  return {
    start: {
      messages: json.messages.map(messageFromJson),
      replacesLast: json.replacesLast,
      stepsTaken: json.stepsTaken,
      usage: { ...json.usage },
      steps: (json.steps ?? []).map(stepFromJson),
    },
    outcomes,
    interrupts: json.interrupts,
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

function stepFromJson(json: unknown): AgentStep {
  const step = json as AgentStep;
  return {
    ...step,
    message: step.message ? messageFromJson(step.message) : undefined,
    toolCalls: step.toolCalls.map((call) => ({
      ...call,
      content: (messageFromJson({ role: "user", content: call.content }).content ?? []) as never,
    })),
  };
}

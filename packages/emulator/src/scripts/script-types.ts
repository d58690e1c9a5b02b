import type { FaultRule } from "../faults/fault-types.js";
import type { StopReason, WireContentBlock, WireUsage } from "../wire/converse-types.js";

/** A tool call the scripted model makes. `toolUseId` defaults to a generated `tooluse_…` ID. */
export interface ScriptedToolCall {
  name: string;
  input?: unknown;
  toolUseId?: string;
}

/** Reasoning the scripted model emits before its answer: readable with a signature, or redacted (base64). */
export type ScriptedReasoning = { text: string; signature?: string } | { redactedContent: string };

/**
 * One answer of the scripted model. Content is built in the order the real models use:
 * reasoning, then text, then tool calls; or given verbatim as `content`.
 */
export interface ScriptedReply {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  reasoning?: ScriptedReasoning;
  /** Exact Converse content blocks; replaces text / toolCalls / reasoning when given. */
  content?: WireContentBlock[];
  /** Defaults to `tool_use` when the reply calls a tool, else `end_turn` (or what limits dictate). */
  stopReason?: StopReason;
  /** Overrides the estimated counts; `totalTokens` is recomputed unless given. */
  usage?: Partial<WireUsage>;
}

/**
 * What a rule looks at: the text of the last user message (substring or regular expression),
 * or a tool result in it. All given conditions must hold.
 */
export interface ScriptMatch {
  /** Case-sensitive substring of the last user message's text. */
  text?: string;
  /** Regular expression tested against the last user message's text (a string in JSON files). */
  regex?: string | RegExp;
  /** A toolResult block in the last user message; `true` matches any. */
  toolResult?:
    | true
    | {
        toolUseId?: string;
        /** Name of the tool, looked up from the matching toolUse in the previous assistant message. */
        name?: string;
        status?: "success" | "error";
        /** Substring of the result's text or JSON. */
        contains?: string;
      };
}

/** A reply given whenever `match` holds (after the turn queue is empty). */
export interface ScriptRule {
  match: ScriptMatch;
  reply: ScriptedReply;
  /** Only for this model ID (as routed, or its base ID without inference-profile prefix). */
  modelId?: string;
  /** How many times the rule may fire; unlimited when absent. */
  times?: number;
}

/** Pacing of streamed answers. */
export interface StreamingOptions {
  /** Characters of text (or tool-input JSON) per delta event. Default 8. */
  chunkSize?: number;
  /** Delay before the first event, in milliseconds. Default 0. */
  firstTokenDelayMs?: number;
  /** Delay between events, in milliseconds. Default 0. */
  chunkDelayMs?: number;
}

/** Turns and rules for one model ID. */
export interface ModelScript {
  turns?: ScriptedReply[];
  rules?: ScriptRule[];
}

/**
 * A whole script, as loaded from a JSON file (`--script FILE`) or passed to `emulator.script()`.
 * Resolution order per call: the model's queued turns, the global queue, the model's rules,
 * the global rules, then the echo model.
 *
 * @example
 * const script: ScriptDefinition = {
 *   turns: [{ toolCalls: [{ name: "get_weather", input: { city: "Paris" } }] }, { text: "It is sunny." }],
 *   rules: [{ match: { regex: "^hello" }, reply: { text: "Hi there!" } }],
 * };
 */
export interface ScriptDefinition {
  turns?: ScriptedReply[];
  rules?: ScriptRule[];
  models?: Record<string, ModelScript>;
  streaming?: StreamingOptions;
  faults?: FaultRule[];
}

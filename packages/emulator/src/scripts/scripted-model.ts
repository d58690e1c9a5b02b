import type { ModelTurn } from "../families/model-family.js";
import { stripInferenceProfilePrefix } from "../models/model-identifier.js";
import type { WireConverseRequest } from "../wire/converse-types.js";
import { buildModelTurn } from "./build-model-turn.js";
import { echoReply } from "./echo-reply.js";
import { matchesRule } from "./match-rule.js";
import type { ScriptDefinition, ScriptMatch, ScriptRule, ScriptedReply } from "./script-types.js";
import { validateScript } from "./validate-script.js";

interface RuleState {
  rule: ScriptRule;
  /** The rule's match with a string `regex` compiled once, not on every call. */
  match: ScriptMatch;
  remaining: number;
}

/**
 * The scripted model behind every operation: queued turns first (per model, then global),
 * then rules (per model, then global, in order), then the echo model. State is per emulator.
 *
 * @example
 * const model = new ScriptedModel({ turns: [{ text: "first" }] });
 * model.respond({ messages: [{ role: "user", content: [{ text: "hi" }] }] }, "amazon.nova-micro-v1:0").content;
 * // [{ text: "first" }]
 */
export class ScriptedModel {
  private globalTurns: ScriptedReply[] = [];
  private readonly modelTurns = new Map<string, ScriptedReply[]>();
  private rules: RuleState[] = [];

  constructor(definition?: ScriptDefinition) {
    if (definition !== undefined) this.load(definition);
  }

  /** Replaces turns and rules with those of `definition` (validated). */
  load(definition: ScriptDefinition): void {
    validateScript(definition);
    this.clear();
    this.queueReplies(definition.turns ?? []);
    for (const rule of definition.rules ?? []) this.appendRule(rule);
    for (const [modelId, script] of Object.entries(definition.models ?? {})) {
      this.queueReplies(script.turns ?? [], modelId);
      for (const rule of script.rules ?? []) this.appendRule({ ...rule, modelId });
    }
  }

  /** Appends replies to the queue of `modelId`, or to the global queue. */
  enqueue(replies: ScriptedReply | readonly ScriptedReply[], modelId?: string): void {
    const list = Array.isArray(replies) ? (replies as readonly ScriptedReply[]) : [replies as ScriptedReply];
    validateScript({ turns: [...list] });
    this.queueReplies(list, modelId);
  }

  /** Adds a rule after the existing ones. */
  addRule(rule: ScriptRule): void {
    validateScript({ rules: [rule] });
    this.appendRule(rule);
  }

  /** Drops all queued turns and rules (the echo model answers everything). */
  clear(): void {
    this.globalTurns = [];
    this.modelTurns.clear();
    this.rules = [];
  }

  /** Queued turns not yet answered, for one model or in total. */
  pendingTurns(modelId?: string): number {
    if (modelId !== undefined) return this.modelTurns.get(modelId)?.length ?? 0;
    let total = this.globalTurns.length;
    for (const queue of this.modelTurns.values()) total += queue.length;
    return total;
  }

  /** Produces the next turn for a request to `modelId`. */
  respond(request: WireConverseRequest, modelId: string): ModelTurn {
    return buildModelTurn(this.nextReply(request, modelId), request);
  }

  private nextReply(request: WireConverseRequest, modelId: string): ScriptedReply {
    const baseModelId = stripInferenceProfilePrefix(modelId);
    const queued = this.shiftQueue(modelId) ?? this.shiftQueue(baseModelId) ?? this.globalTurns.shift();
    if (queued !== undefined) return queued;
    return this.takeRule(request, modelId, baseModelId) ?? this.takeRule(request, undefined, undefined) ?? echoReply(request);
  }

  /** Fires the first live matching rule scoped to `modelId` or `baseModelId` (both undefined: the global rules). */
  private takeRule(request: WireConverseRequest, modelId: string | undefined, baseModelId: string | undefined): ScriptedReply | undefined {
    for (const state of this.rules) {
      const scope = state.rule.modelId;
      if ((scope === modelId || scope === baseModelId) && state.remaining > 0 && matchesRule(state.match, request)) {
        state.remaining -= 1;
        return state.rule.reply;
      }
    }
    return undefined;
  }

  private shiftQueue(modelId: string): ScriptedReply | undefined {
    return this.modelTurns.get(modelId)?.shift();
  }

  // The public entry points validate first; load() validates the whole definition once.
  private queueReplies(replies: readonly ScriptedReply[], modelId?: string): void {
    if (modelId === undefined) {
      this.globalTurns.push(...replies);
      return;
    }
    const queue = this.modelTurns.get(modelId) ?? [];
    queue.push(...replies);
    this.modelTurns.set(modelId, queue);
  }

  private appendRule(rule: ScriptRule): void {
    const { regex } = rule.match;
    const match = typeof regex === "string" ? { ...rule.match, regex: new RegExp(regex) } : rule.match;
    this.rules.push({ rule, match, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }
}

const unscripted = new ScriptedModel();

/**
 * Runs the scripted model for one Converse-shaped request. Both the Converse and the InvokeModel
 * paths call this; without a `model` it answers with the deterministic echo model.
 *
 * @example
 * runScriptedModel({ messages: [{ role: "user", content: [{ text: "ping" }] }] }, "amazon.nova-micro-v1:0");
 * // { content: [{ text: "You said: ping" }], stopReason: "end_turn", usage: { inputTokens: 1, outputTokens: 4, totalTokens: 5 } }
 */
export function runScriptedModel(
  request: WireConverseRequest,
  modelId: string,
  model: ScriptedModel = unscripted,
): ModelTurn {
  return model.respond(request, modelId);
}

import { stripInferenceProfilePrefix } from "../models/model-identifier.js";
import { isStreamingOperation } from "../server/operation-name.js";
import type { OperationName } from "../server/operation-name.js";
import type { FaultEffect, FaultRule } from "./fault-types.js";
import { seededRandom } from "./seeded-random.js";
import { validateFault } from "./validate-fault.js";

interface FaultState {
  rule: FaultRule;
  id: string;
  callsInScope: number;
  fired: number;
  random: () => number;
}

/** What the faults decided for one call. */
export interface FaultDecision {
  /** Total added latency from `latency` faults. */
  delayMs: number;
  /** The first firing non-latency fault's effect, if any. */
  effect?: Exclude<FaultEffect, { type: "latency" }>;
}

/**
 * Holds the fault rules of one emulator and decides, per call, which fire. Deterministic: call
 * counters per rule, and a per-rule seeded generator for probabilities.
 *
 * @example
 * const injector = new FaultInjector();
 * injector.add({ everyNth: 2, effect: { type: "error", exception: "ThrottlingException" } });
 * injector.decide("Converse", "amazon.nova-micro-v1:0").effect; // undefined (1st call)
 * injector.decide("Converse", "amazon.nova-micro-v1:0").effect?.type; // "error" (2nd call)
 */
export class FaultInjector {
  private states: FaultState[] = [];
  private nextId = 1;

  /** Adds a rule and returns its id (the given `id` or a generated `fault-N`). */
  add(rule: FaultRule): string {
    validateFault(rule);
    const id = rule.id ?? `fault-${this.nextId++}`;
    this.states.push({ rule, id, callsInScope: 0, fired: 0, random: seededRandom(rule.seed ?? 1) });
    return id;
  }

  /** Removes one rule by id; true when it existed. */
  remove(id: string): boolean {
    const before = this.states.length;
    this.states = this.states.filter((state) => state.id !== id);
    return this.states.length !== before;
  }

  clear(): void {
    this.states = [];
  }

  /** Rules with their counters, for inspection. */
  list(): Array<FaultRule & { id: string; fired: number }> {
    return this.states.map((state) => ({ ...state.rule, id: state.id, fired: state.fired }));
  }

  get size(): number {
    return this.states.length;
  }

  decide(operation: OperationName, modelId: string): FaultDecision {
    const decision: FaultDecision = { delayMs: 0 };
    if (this.states.length === 0) return decision;
    const baseModelId = stripInferenceProfilePrefix(modelId);
    for (const state of this.states) {
      const { rule } = state;
      if (rule.operations !== undefined && !rule.operations.includes(operation)) continue;
      if (rule.modelId !== undefined && rule.modelId !== modelId && rule.modelId !== baseModelId) continue;
      if (streamOnly.has(rule.effect.type) && !isStreamingOperation(operation)) continue;
      state.callsInScope += 1;
      if (rule.times !== undefined && state.fired >= rule.times) continue;
      if (!scheduled(state)) continue;
      if (rule.effect.type === "latency") {
        state.fired += 1;
        decision.delayMs += rule.effect.delayMs;
      } else if (decision.effect === undefined) {
        state.fired += 1;
        decision.effect = rule.effect;
      }
    }
    return decision;
  }
}

/** Effects that only mean something on an event stream. */
const streamOnly = new Set(["stream-error", "truncate", "corrupt"]);

function scheduled(state: FaultState): boolean {
  const { rule, callsInScope } = state;
  if (rule.firstCalls !== undefined && callsInScope > rule.firstCalls) return false;
  if (rule.everyNth !== undefined && callsInScope % rule.everyNth !== 0) return false;
  if (rule.probability !== undefined && !(state.random() < rule.probability)) return false;
  return true;
}

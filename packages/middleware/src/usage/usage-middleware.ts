import { ConfigurationError, ModelResult, type MiddlewareObject, type ModelCall, type ModelNext, type ModelResponse, type TokenUsage, type Usage } from "@sluice/core";
import { addUsage, emptyUsage } from "@sluice/core/internal";
import { UsageLimitError, type UsageLimitName } from "../errors/usage-limit-error.js";
import { checkOptions, functionOption, integerOption } from "../shared/options.js";
import { PerRun } from "../shared/per-run.js";
import type { TokenCounter } from "../token-count/token-counter.js";
import { findPrice, usageCost, validatePriceTable, type PriceTable } from "./price-table.js";

/** Limits per agent run (one `send()`, `stream()` or `resume()`). */
export interface UsageLimits {
  /** Most model calls. */
  maxModelCalls?: number;
  /** Most tokens in all: input, output, cache reads and writes. */
  maxTotalTokens?: number;
  /** Most input tokens, cache reads and writes included. */
  maxInputTokens?: number;
  maxOutputTokens?: number;
}

/** Usage of one run so far. */
export interface RunUsage {
  modelCalls: number;
  usage: Usage;
  /** Undefined when no price table was given or a model had no price. */
  cost: number | undefined;
}

/** What `onUsage` gets after every model call. */
export interface UsageRecord {
  /** The agent run the call belongs to. */
  runId: string;
  modelId: string;
  step: number;
  /** This call's usage (zeros for an answer from the response cache). */
  usage: Usage;
  cost: number | undefined;
  /** True when the response cache answered, so nothing was billed. */
  cached: boolean;
  /** The run's totals including this call. */
  run: RunUsage;
}

/** Options of `usageMiddleware`. */
export interface UsageOptions {
  limits?: UsageLimits;
  /** Prices per model for cost figures. */
  prices?: PriceTable;
  /** Called after every model call with its usage and the run's totals. */
  onUsage?: (record: UsageRecord) => void;
  /**
   * With `maxInputTokens` or `maxTotalTokens`: counts each request's input before sending it
   * (CountTokens where the model supports it, see `createTokenCounter`) and refuses a call that
   * would take the run past the limit, instead of finding out after it was billed.
   */
  tokenCounter?: TokenCounter;
}

/** The usage middleware with its running totals. */
export interface UsageMiddleware extends MiddlewareObject {
  /** Usage over every call this middleware saw (per conversation when each agent has its own). */
  readonly total: Readonly<Usage>;
  /** Model calls this middleware saw. */
  readonly modelCalls: number;
  /** Cost over every call, or undefined without prices (or with an unpriced model). */
  readonly totalCost: number | undefined;
  /** The cost of any usage (an `AgentResult.usage`, a conversation's usage) for `modelId`. */
  costOf(usage: TokenUsage, modelId: string): number | undefined;
  /** Sets the totals back to zero (limits are per run and need no reset). */
  reset(): void;
}

const owner = "usageMiddleware";

/**
 * Counts token usage per call, per run and in total (cache read and write tokens included),
 * prices it from a table you supply, and enforces limits on tokens and model calls per run:
 * once a run has used up an allowance, its next model call is refused with a
 * `UsageLimitError` before anything is sent, so the run stops and its turn is rolled back. Place it inside the response cache so cached
 * answers are neither counted nor limited.
 *
 * @example
 * const usage = usageMiddleware({ limits: { maxModelCalls: 8, maxTotalTokens: 50_000 },
 *   prices: { "anthropic.claude-3-5-haiku-20241022-v1:0": { inputPerMillion: 0.8, outputPerMillion: 4 } } });
 * const agent = new Agent({ modelId, middleware: [usage] });
 * await agent.send("Hi"); console.log(usage.total.totalTokens, usage.totalCost);
 */
export function usageMiddleware(options: UsageOptions = {}): UsageMiddleware {
  checkOptions(owner, options, ["limits", "prices", "onUsage", "tokenCounter"]);
  const tokenCounter = options.tokenCounter;
  if (tokenCounter !== undefined && typeof tokenCounter?.count !== "function") {
    throw new ConfigurationError(`${owner}: tokenCounter must have a count(request) method, e.g. createTokenCounter({ client }).`);
  }
  const limits = checkLimits(options.limits);
  if (options.prices !== undefined) validatePriceTable(options.prices, `${owner}: prices`);
  const prices = options.prices;
  const onUsage = functionOption<(record: UsageRecord) => void>(owner, "onUsage", options.onUsage);
  const runs = new PerRun<RunUsage>(() => ({ modelCalls: 0, usage: emptyUsage(), cost: prices ? 0 : undefined }));
  let total = emptyUsage();
  let modelCalls = 0;
  let totalCost: number | undefined = prices ? 0 : undefined;

  const costOf = (usage: TokenUsage, modelId: string): number | undefined => {
    const price = prices && findPrice(prices, modelId);
    return price ? usageCost(usage, price) : undefined;
  };

  function record(call: ModelCall, run: RunUsage, response: ModelResponse): void {
    const cached = call.state.responseCacheHit === true;
    const usage = cached ? emptyUsage() : addUsage(emptyUsage(), response.usage);
    const cost = cached ? (prices ? 0 : undefined) : costOf(usage, call.request.modelId);
    addUsage(run.usage, usage);
    addUsage(total, usage);
    run.cost = run.cost === undefined || cost === undefined ? undefined : run.cost + cost;
    totalCost = totalCost === undefined || cost === undefined ? undefined : totalCost + cost;
    onUsage?.({ runId: call.runId, modelId: call.request.modelId, step: call.step, usage, cost, cached, run: { ...run, usage: { ...run.usage } } });
  }

  async function usage(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const run = runs.get(call.runId);
    enforce(limits, run);
    if (tokenCounter && (limits.maxInputTokens !== undefined || limits.maxTotalTokens !== undefined)) {
      const { inputTokens } = await tokenCounter.count(call.request, { signal: call.signal });
      enforce(limits, run, inputTokens);
    }
    run.modelCalls += 1;
    modelCalls += 1;
    const result = await next();
    return result.observe({ onResponse: (response) => record(call, run, response) });
  }

  return {
    name: "usage",
    model: usage,
    get total() {
      return total;
    },
    get modelCalls() {
      return modelCalls;
    },
    get totalCost() {
      return totalCost;
    },
    costOf,
    reset() {
      total = emptyUsage();
      modelCalls = 0;
      totalCost = prices ? 0 : undefined;
    },
  };
}

/** Refuses the next call when the run has used up an allowance, or (with `nextInput`, counted) would go past it. */
function enforce(limits: UsageLimits, run: RunUsage, nextInput?: number): void {
  const checks: Array<[UsageLimitName, number, number | undefined]> = nextInput === undefined
    ? [
        ["model-calls", run.modelCalls, limits.maxModelCalls],
        ["total-tokens", run.usage.totalTokens, limits.maxTotalTokens],
        ["input-tokens", run.usage.inputTokens + run.usage.cacheReadInputTokens + run.usage.cacheWriteInputTokens, limits.maxInputTokens],
        ["output-tokens", run.usage.outputTokens, limits.maxOutputTokens],
      ]
    : [
        ["total-tokens", run.usage.totalTokens + nextInput, limits.maxTotalTokens],
        ["input-tokens", run.usage.inputTokens + run.usage.cacheReadInputTokens + run.usage.cacheWriteInputTokens + nextInput, limits.maxInputTokens],
      ];
  for (const [name, used, maximum] of checks) {
    if (maximum !== undefined && (nextInput === undefined ? used >= maximum : used > maximum)) throw new UsageLimitError(name, used, maximum);
  }
}

function checkLimits(limits: UsageLimits | undefined): UsageLimits {
  const given = checkOptions(`${owner} limits`, limits, ["maxModelCalls", "maxTotalTokens", "maxInputTokens", "maxOutputTokens"]);
  const checked: UsageLimits = {};
  for (const key of ["maxModelCalls", "maxTotalTokens", "maxInputTokens", "maxOutputTokens"] as const) {
    const value = integerOption(owner, `limits.${key}`, given[key]);
    if (value !== undefined) checked[key] = value;
  }
  return checked;
}

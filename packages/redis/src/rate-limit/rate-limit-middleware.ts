import { baseModelId, ConfigurationError, type MiddlewareObject, type ModelCall, type ModelNext, type ModelRequest, type ModelResult } from "@sluice/core";
import { estimateRequestTokens } from "@sluice/middleware/internal";
import { checkOptions, integerOption } from "../shared/check-options.js";
import type { RedisClient } from "../shared/redis-client.js";
import { RedisRateLimiter, type RateLimit, type RateLimitGrant } from "./redis-rate-limiter.js";

declare module "@sluice/core" {
  interface ModelCallState {
    /** Set by the Redis rate limiter: the grant this call got (how long it waited, its place in line). */
    rateLimitGrant?: RateLimitGrant;
  }
}

/** A per-minute budget for the model IDs it is listed under, with the bucket it is counted in. */
export interface ModelRateLimit extends RateLimit {
  /** Count these models in one shared bucket of this name (default: the model ID it is listed under). */
  bucket?: string;
}

/** Options of `redisRateLimitMiddleware`. */
export interface RedisRateLimitOptions {
  /** A connected node-redis client (Sluice never closes it). */
  client: RedisClient;
  /**
   * Budgets by model ID. A call's model ID is looked up as sent, then without its inference-profile
   * prefix (`us.` …), then under `"*"` (each model then gets a budget of its own); a model with no
   * entry is not limited. Or a function from model ID to its limit.
   */
  limits: Record<string, ModelRateLimit> | ((modelId: string) => ModelRateLimit | undefined);
  /** `wait` (default): queue the call until the budget allows it; `fail`: throw `RateLimitError` at once. */
  whenLimited?: "wait" | "fail";
  /** The longest a call waits for budget before `RateLimitError`. Default 60,000 ms. */
  maxWaitMs?: number;
  /**
   * The tokens to reserve for a call before it is sent (corrected from its real usage afterwards).
   * Default: an estimate of the request's input tokens plus its `maxTokens` (or `defaultMaxTokens`).
   */
  estimateTokens?: (request: ModelRequest) => number;
  /** Output tokens reserved for a request without `inferenceConfig.maxTokens`. Default 4,096. */
  defaultMaxTokens?: number;
  /** Prepended to every Redis key the limiter writes. Default `sluice:rate:`. */
  prefix?: string;
}

const owner = "redisRateLimitMiddleware";

/**
 * Requests and tokens per minute per model, shared by every process that uses the same Redis: a
 * call takes one request and its estimated tokens from the model's budget before it is sent —
 * waiting in a first-come-first-served line across processes, or failing with `RateLimitError`,
 * as `whenLimited` says — and its real usage corrects the token budget when it answers (a
 * failed call gives its tokens back). Place it inside `retryMiddleware` so every attempt counts.
 *
 * @example
 * const limits = { "anthropic.claude-sonnet-4-5-20250929-v1:0": { requestsPerMinute: 50, tokensPerMinute: 200_000 } };
 * const agent = new Agent({ modelId, middleware: [retryMiddleware(), redisRateLimitMiddleware({ client, limits })] });
 */
export function redisRateLimitMiddleware(options: RedisRateLimitOptions): MiddlewareObject {
  checkOptions(owner, options, ["client", "limits", "whenLimited", "maxWaitMs", "estimateTokens", "defaultMaxTokens", "prefix"]);
  const limiter = new RedisRateLimiter({ client: options.client, ...(options.prefix !== undefined && { prefix: options.prefix }) });
  const limitOf = limitLookup(options.limits);
  const whenLimited = options.whenLimited ?? "wait";
  if (whenLimited !== "wait" && whenLimited !== "fail") throw new ConfigurationError(`${owner}: whenLimited must be "wait" or "fail", got ${JSON.stringify(whenLimited)}.`);
  const maxWaitMs = integerOption(owner, "maxWaitMs", options.maxWaitMs, 60_000, 0);
  const defaultMaxTokens = integerOption(owner, "defaultMaxTokens", options.defaultMaxTokens, 4_096);
  if (options.estimateTokens !== undefined && typeof options.estimateTokens !== "function") throw new ConfigurationError(`${owner}: estimateTokens must be a function.`);
  const estimate = options.estimateTokens ?? ((request: ModelRequest) => estimateRequestTokens(request) + (request.inferenceConfig?.maxTokens ?? defaultMaxTokens));

  async function redisRateLimit(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const found = limitOf(call.request.modelId ?? "");
    if (!found) return next();
    const { bucket, limit } = found;
    const reserved = limit.tokensPerMinute === undefined ? 0 : Math.max(0, Math.ceil(estimate(call.request)));
    const grant = await limiter.acquire(bucket, limit, { requests: 1, tokens: reserved }, { whenLimited, maxWaitMs, signal: call.signal });
    call.state.rateLimitGrant = grant;
    if (reserved === 0) return next();
    const settle = (used: number) => void limiter.settle(bucket, limit, reserved, used).catch(() => undefined);
    let result: ModelResult;
    try {
      result = await next();
    } catch (error) {
      settle(0);
      throw error;
    }
    return result.observe({
      onResponse: (response) => settle(response.usage?.totalTokens ?? reserved),
      onError: () => settle(0),
    });
  }

  return { name: "redis-rate-limit", model: redisRateLimit };
}

function limitLookup(limits: RedisRateLimitOptions["limits"]): (modelId: string) => { bucket: string; limit: ModelRateLimit } | undefined {
  if (typeof limits === "function") {
    return (modelId) => {
      const limit = limits(modelId);
      return limit === undefined ? undefined : { bucket: limit.bucket ?? modelId, limit };
    };
  }
  if (typeof limits !== "object" || limits === null) throw new ConfigurationError(`${owner}: limits must be an object of model ID → { requestsPerMinute, tokensPerMinute }, or a function.`);
  return (modelId) => {
    const base = baseModelId(modelId);
    const key = modelId in limits ? modelId : base in limits ? base : "*" in limits ? "*" : undefined;
    if (key === undefined) return undefined;
    const limit = limits[key] as ModelRateLimit;
    return { bucket: limit.bucket ?? (key === "*" ? base : key), limit };
  };
}

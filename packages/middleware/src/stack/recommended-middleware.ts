import { ConfigurationError, type Middleware } from "@sluice/core";
import { responseCacheMiddleware, type ResponseCacheOptions } from "../cache/response-cache-middleware.js";
import { contextOverflowMiddleware, type ContextOverflowOptions } from "../context/context-overflow-middleware.js";
import { loggingMiddleware, type LoggingOptions } from "../logging/logging-middleware.js";
import { promptCachingMiddleware, type PromptCachingOptions } from "../prompt-cache/prompt-caching-middleware.js";
import { retryMiddleware, type RetryOptions } from "../retry/retry-middleware.js";
import { checkOptions } from "../shared/options.js";
import { timeoutMiddleware, type TimeoutOptions } from "../timeout/timeout-middleware.js";
import { tracingMiddleware, type TracingOptions } from "../tracing/tracing-middleware.js";
import { usageMiddleware, type UsageMiddleware, type UsageOptions } from "../usage/usage-middleware.js";

/**
 * Which built-ins to use: `true` for the defaults, an options object to configure one, or
 * `false` / absent to leave it out. Pass a ready `usageMiddleware(...)` as `usage` to keep a
 * handle on its totals.
 */
export interface RecommendedMiddlewareOptions {
  tracing?: boolean | TracingOptions;
  logging?: boolean | LoggingOptions;
  responseCache?: boolean | ResponseCacheOptions;
  usage?: boolean | UsageOptions | UsageMiddleware;
  contextOverflow?: boolean | ContextOverflowOptions;
  promptCaching?: boolean | PromptCachingOptions;
  retry?: boolean | RetryOptions;
  /** Needs at least a deadline or an idle timeout, so `true` is not enough here. */
  timeout?: false | TimeoutOptions;
}

type BuiltInName = keyof RecommendedMiddlewareOptions;

/** Each built-in's factory, in the order docs/middleware.md recommends (first = outermost). */
const factories: { [Name in BuiltInName]-?: (options: Exclude<RecommendedMiddlewareOptions[Name], boolean | undefined>) => Middleware } = {
  tracing: tracingMiddleware,
  logging: loggingMiddleware,
  responseCache: responseCacheMiddleware,
  usage: (options) => ("model" in options ? (options as UsageMiddleware) : usageMiddleware(options as UsageOptions)),
  contextOverflow: contextOverflowMiddleware,
  promptCaching: promptCachingMiddleware,
  retry: retryMiddleware,
  timeout: timeoutMiddleware,
};
const order = Object.keys(factories) as BuiltInName[];

/**
 * The built-ins you ask for, in the order docs/middleware.md recommends (tracing, logging,
 * response cache, usage, context overflow, prompt caching, retry, timeout), whatever order
 * the options are written in.
 *
 * @example
 * const usage = usageMiddleware({ limits: { maxModelCalls: 10 } });
 * new Agent({ modelId, middleware: recommendedMiddleware({ tracing: true, retry: true, usage, timeout: { deadlineMs: 60_000 } }) });
 */
export function recommendedMiddleware(options: RecommendedMiddlewareOptions): Middleware[] {
  checkOptions("recommendedMiddleware", options, order);
  const chosen: Middleware[] = [];
  for (const name of order) {
    const setting = options[name];
    if (setting === undefined || setting === false) continue;
    if (setting !== true && (typeof setting !== "object" || setting === null)) {
      throw new ConfigurationError(`recommendedMiddleware: ${name} must be true, false or an options object.`);
    }
    // One factory per name: the cast only joins the name's options type to its factory's.
    chosen.push(factories[name]((setting === true ? {} : setting) as never));
  }
  return chosen;
}

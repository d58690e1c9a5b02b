// Public API of @sluice/middleware: production-grade middleware for Sluice agents.

// Errors
export { TimeoutError, type TimeoutKind } from "./errors/timeout-error.js";
export { UsageLimitError, type UsageLimitName } from "./errors/usage-limit-error.js";
export { ContextOverflowError } from "./errors/context-overflow-error.js";
export { StreamInterruptedError } from "./errors/stream-interrupted-error.js";

// Retry and timeouts
export { retryMiddleware, type RetryOptions, type RetryEvent } from "./retry/retry-middleware.js";
export type { BackoffPolicy, Jitter } from "./retry/backoff.js";
export { timeoutMiddleware, type TimeoutOptions } from "./timeout/timeout-middleware.js";

// Token counts (CountTokens, or the estimate)
export { createTokenCounter, type TokenCount, type TokenCounter, type TokenCounterOptions } from "./token-count/token-counter.js";

// Reasoning (Claude's thinking and effort, typed)
export { reasoningMiddleware, type ReasoningEffort, type ReasoningOptions } from "./reasoning/reasoning-middleware.js";

// Service tiers
export { serviceTierMiddleware, type ServiceTierOptions } from "./service-tier/service-tier-middleware.js";
export { withServiceTier } from "./service-tier/service-tier-scope.js";

// Helpers for writing middleware
export { recoverableStream, type StreamRecovery } from "./shared/recoverable-stream.js";
export { linkSignals } from "./shared/next-with-signal.js";

// Response caching
export { responseCacheMiddleware, type ResponseCacheOptions } from "./cache/response-cache-middleware.js";
export { MemoryCacheStore, type MemoryCacheStoreOptions } from "./cache/memory-cache-store.js";
export {
  type CacheStore,
  type CacheEntry,
  type CacheClaim,
  type CacheClaimOptions,
  type CacheLease,
  encodeCacheEntry,
  decodeCacheEntry,
} from "./cache/cache-store.js";
export { responseCacheKey } from "./cache/cache-key.js";

// Usage, limits and cost
export {
  usageMiddleware,
  type UsageMiddleware,
  type UsageOptions,
  type UsageLimits,
  type UsageRecord,
  type RunUsage,
} from "./usage/usage-middleware.js";
export type { ModelPrice, PriceTable } from "./usage/price-table.js";

// Context overflow and conversation managers
export {
  contextOverflowMiddleware,
  type ContextOverflowOptions,
  type ContextReducedEvent,
} from "./context/context-overflow-middleware.js";
export type { ConversationManager, ReduceOptions } from "./context/conversation-manager.js";
export { slidingWindowManager, type SlidingWindowOptions } from "./context/sliding-window-manager.js";
export { tokenBudgetManager, type TokenBudgetOptions } from "./context/token-budget-manager.js";
export { summarizingManager, type SummarizingOptions } from "./context/summarizing-manager.js";

// Prompt caching
export { promptCachingMiddleware, type PromptCachingOptions } from "./prompt-cache/prompt-caching-middleware.js";
export { promptCacheSupport, type PromptCacheSupport, type CachePointField } from "./prompt-cache/prompt-cache-support.js";

// Logging
export { loggingMiddleware, type LoggingOptions, type LogLevel } from "./logging/logging-middleware.js";

// Tracing (OpenTelemetry GenAI conventions)
export { tracingMiddleware, type TracingOptions } from "./tracing/tracing-middleware.js";
export { traceAgentRun, type AgentRunTraceOptions } from "./tracing/trace-agent-run.js";

// All of them in the recommended order
export { recommendedMiddleware, type RecommendedMiddlewareOptions } from "./stack/recommended-middleware.js";

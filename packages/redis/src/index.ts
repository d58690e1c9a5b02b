// Public API of @sluice/redis: Sluice's shared state on Redis for agents running in several processes.

// Connection
export type { RedisClient, RedisSubscriber } from "./shared/redis-client.js";

// Response cache store with single-flight across processes
export { RedisCacheStore, type RedisCacheStoreOptions } from "./cache/redis-cache-store.js";

// Shared rate limits
export { redisRateLimitMiddleware, type RedisRateLimitOptions, type ModelRateLimit } from "./rate-limit/rate-limit-middleware.js";
export { RedisRateLimiter, type RedisRateLimiterOptions, type RateLimit, type RateLimitCost, type RateLimitGrant, type AcquireOptions } from "./rate-limit/redis-rate-limiter.js";
export { RateLimitError, type RateLimitReason } from "./errors/rate-limit-error.js";

// Conversation store
export { RedisConversationStore, type RedisConversationStoreOptions } from "./conversation/redis-conversation-store.js";

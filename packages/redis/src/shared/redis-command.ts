import { StoreDataError, StoreUnavailableError } from "@sluice/core";
import { describeThrown } from "@sluice/core/internal";
import type { RedisClient } from "./redis-client.js";

/** Which store runs a command, for the errors it raises. */
export interface CommandContext {
  store: string;
  operation: string;
  /** The key as the store's caller named it (a cache key, a conversation ID, a rate-limit bucket). */
  key: string;
  /** How long a command may wait for a connection before it is given up (never sent). */
  timeoutMs: number;
}

/**
 * Sends one command. A value of the wrong type under the key is a `StoreDataError`; anything else
 * that goes wrong (no connection, a dropped one, a server that refuses writes) is a
 * `StoreUnavailableError`. A command is given up unsent if no connection comes within `timeoutMs`.
 *
 * @example
 * const text = await redisCommand(client, ["GET", key], { store: "RedisCacheStore", operation: "get", key, timeoutMs: 5_000 });
 */
export async function redisCommand(client: RedisClient, args: ReadonlyArray<string>, context: CommandContext): Promise<unknown> {
  try {
    return await client.sendCommand(args, { timeout: context.timeoutMs });
  } catch (error) {
    throw translateRedisError(error, context);
  }
}

/** The typed error for what a Redis command threw (see `redisCommand`). */
export function translateRedisError(error: unknown, context: Omit<CommandContext, "timeoutMs">): Error {
  const { store, operation, key } = context;
  const text = describeThrown(error);
  if (/^WRONGTYPE\b/.test(text)) {
    return new StoreDataError(store, key, `${store}: the Redis value for "${key}" is not of the type Sluice writes (${text}). Delete the key to use it again.`, error);
  }
  return new StoreUnavailableError(
    store,
    operation,
    `${store}: ${operation}("${key}") failed because Redis could not be used: ${text}. ` +
      (operation === "get" || operation === "load" ? "Nothing was changed." : "The write took effect whole or not at all, never in part."),
    error,
  );
}

import { ConfigurationError } from "@sluice/core";
import type { RedisClient } from "./redis-client.js";

/** Refuses a non-object and unknown keys, so a misspelt option fails instead of being ignored. */
export function checkOptions(owner: string, options: unknown, known: readonly string[]): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigurationError(`${owner}: options must be an object, got ${typeof options}.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new ConfigurationError(`${owner}: unknown option "${key}". Known options: ${known.join(", ")}.`);
  }
}

/** A whole number of at least `minimum`, or `fallback` when absent. */
export function integerOption(owner: string, name: string, value: unknown, fallback: number, minimum = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum) {
    throw new ConfigurationError(`${owner}: ${name} must be a whole number of at least ${minimum}, got ${JSON.stringify(value) ?? String(value)}.`);
  }
  return value;
}

/** A string, or `fallback` when absent. */
export function stringOption(owner: string, name: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string") throw new ConfigurationError(`${owner}: ${name} must be a string, got ${typeof value}.`);
  return value;
}

/** A node-redis client: something with `sendCommand` and `duplicate`. */
export function checkClient(owner: string, client: unknown): asserts client is RedisClient {
  const candidate = client as Partial<RedisClient> | null | undefined;
  if (typeof candidate !== "object" || candidate === null || typeof candidate.sendCommand !== "function" || typeof candidate.duplicate !== "function") {
    throw new ConfigurationError(`${owner}: client must be a connected node-redis client, e.g. await createClient({ url }).connect().`);
  }
}

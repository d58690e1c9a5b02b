import { ConfigurationError } from "@sluice/core";

/**
 * Checks that `options` is a plain object (or absent) with no keys outside `known`, so a
 * misspelt option fails loudly instead of being ignored.
 *
 * @example
 * const checked = checkOptions("retryMiddleware", options, ["maxAttempts", "baseDelayMs"]);
 */
export function checkOptions<T extends object>(owner: string, options: T | undefined, known: ReadonlyArray<keyof T & string>): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigurationError(`${owner}(options): options must be an object, got ${describe(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!(known as readonly string[]).includes(key)) {
      throw new ConfigurationError(`${owner}: unknown option "${key}". Known options: ${known.join(", ")}.`);
    }
  }
  return options;
}

/** An integer of at least `minimum` (default 1), or undefined when absent. */
export function integerOption(owner: string, name: string, value: unknown, minimum = 1): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < minimum) {
    throw new ConfigurationError(`${owner}: ${name} must be an integer of at least ${minimum}, got ${describe(value)}.`);
  }
  return value;
}

/** One of `allowed`, or undefined when absent. */
export function choiceOption<T extends string>(owner: string, name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigurationError(`${owner}: ${name} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${describe(value)}.`);
  }
  return value as T;
}

/** A function, or undefined when absent. */
export function functionOption<T extends Function>(owner: string, name: string, value: unknown): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") throw new ConfigurationError(`${owner}: ${name} must be a function, got ${describe(value)}.`);
  return value as T;
}

/** A boolean, or undefined when absent. */
export function booleanOption(owner: string, name: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new ConfigurationError(`${owner}: ${name} must be true or false, got ${describe(value)}.`);
  return value;
}

/** An array of non-empty strings, or undefined when absent. */
export function stringListOption(owner: string, name: string, value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string" || item === "")) {
    throw new ConfigurationError(`${owner}: ${name} must be an array of non-empty strings, got ${describe(value)}.`);
  }
  return value as string[];
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

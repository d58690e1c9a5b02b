import { ConfigurationError, baseModelId, type TokenUsage } from "@sluice/core";

/** What one model costs, in your currency per million tokens. */
export interface ModelPrice {
  inputPerMillion: number;
  outputPerMillion: number;
  /** Tokens read from the prompt cache. Default: the input price. */
  cacheReadPerMillion?: number;
  /** Tokens written to the prompt cache. Default: the input price. */
  cacheWritePerMillion?: number;
}

/**
 * Prices by model ID. A key may be the exact ID sent (an inference profile such as
 * `us.anthropic…`) or the base model ID, which covers every profile of that model.
 */
export type PriceTable = Record<string, ModelPrice>;

/**
 * The cost of one usage record at `price`. Bedrock's `inputTokens` excludes cached tokens, so
 * cache reads and writes are priced on their own.
 *
 * @example
 * usageCost({ inputTokens: 1_000, outputTokens: 200 }, { inputPerMillion: 3, outputPerMillion: 15 }); // 0.006
 */
export function usageCost(usage: TokenUsage, price: ModelPrice): number {
  const perToken = (perMillion: number) => perMillion / 1_000_000;
  return (
    (usage.inputTokens ?? 0) * perToken(price.inputPerMillion) +
    (usage.outputTokens ?? 0) * perToken(price.outputPerMillion) +
    (usage.cacheReadInputTokens ?? 0) * perToken(price.cacheReadPerMillion ?? price.inputPerMillion) +
    (usage.cacheWriteInputTokens ?? 0) * perToken(price.cacheWritePerMillion ?? price.inputPerMillion)
  );
}

/**
 * The price for `modelId`: the exact ID first, then its base model ID.
 *
 * @example
 * findPrice({ "anthropic.claude-3-5-haiku-20241022-v1:0": price }, "us.anthropic.claude-3-5-haiku-20241022-v1:0"); // price
 */
export function findPrice(table: PriceTable, modelId: string): ModelPrice | undefined {
  return Object.hasOwn(table, modelId) ? table[modelId] : Object.hasOwn(table, baseModelId(modelId)) ? table[baseModelId(modelId)] : undefined;
}

/**
 * Checks a price table and throws a `ConfigurationError` naming the bad entry.
 *
 * @example
 * validatePriceTable({ "amazon.nova-lite-v1:0": { inputPerMillion: 0.06, outputPerMillion: 0.24 } });
 */
export function validatePriceTable(table: unknown, owner = "prices"): asserts table is PriceTable {
  if (typeof table !== "object" || table === null || Array.isArray(table)) {
    throw new ConfigurationError(`${owner} must be an object mapping model IDs to { inputPerMillion, outputPerMillion }.`);
  }
  for (const [modelId, price] of Object.entries(table as Record<string, unknown>)) {
    const entry = price as Record<string, unknown> | null;
    if (typeof entry !== "object" || entry === null) throw new ConfigurationError(`${owner}["${modelId}"] must be an object.`);
    for (const key of Object.keys(entry)) {
      if (!["inputPerMillion", "outputPerMillion", "cacheReadPerMillion", "cacheWritePerMillion"].includes(key)) {
        throw new ConfigurationError(`${owner}["${modelId}"] has unknown key "${key}".`);
      }
    }
    for (const key of ["inputPerMillion", "outputPerMillion", "cacheReadPerMillion", "cacheWritePerMillion"]) {
      const value = entry[key];
      const required = key === "inputPerMillion" || key === "outputPerMillion";
      if (value === undefined && !required) continue;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new ConfigurationError(`${owner}["${modelId}"].${key} must be a number of at least 0 (price per million tokens).`);
      }
    }
  }
}

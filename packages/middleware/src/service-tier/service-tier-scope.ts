import { AsyncLocalStorage } from "node:async_hooks";
import { ConfigurationError, type ServiceTierName } from "@sluice/core";
import { serviceTierNames } from "@sluice/core/internal";

const scope = new AsyncLocalStorage<ServiceTierName>();

/** Throws a `ConfigurationError` unless `tier` is one of Bedrock's service tiers. */
export function checkServiceTier(tier: unknown, where: string): asserts tier is ServiceTierName {
  if (!(serviceTierNames as readonly unknown[]).includes(tier)) {
    throw new ConfigurationError(`${where} is ${JSON.stringify(tier)}; use one of ${serviceTierNames.map((name) => `"${name}"`).join(", ")}.`);
  }
}

/**
 * Runs `work` (one `agent.send`, `stream` or `resume`, or several) with a service tier for every
 * model call inside it, read by `serviceTierMiddleware`; it wins over the middleware's own choice
 * and the agent's `serviceTier`.
 *
 * @example
 * const result = await withServiceTier("priority", () => agent.send("The customer is waiting: where is my order?"));
 */
export function withServiceTier<T>(tier: ServiceTierName, work: () => T): T {
  checkServiceTier(tier, "withServiceTier's tier");
  return scope.run(tier, work);
}

/** The tier of the enclosing `withServiceTier`, if any. */
export function scopedServiceTier(): ServiceTierName | undefined {
  return scope.getStore();
}

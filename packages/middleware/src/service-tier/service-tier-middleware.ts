import {
  ConfigurationError,
  defaultCapabilityRegistry,
  type MiddlewareObject,
  type ModelCall,
  ModelCapabilityError,
  type ModelCapabilityRegistry,
  type ModelNext,
  type ModelResult,
  type ServiceTierName,
} from "@sluice/core";
import { checkOptions } from "../shared/options.js";
import { checkServiceTier, scopedServiceTier } from "./service-tier-scope.js";

/** Options of `serviceTierMiddleware`. */
export interface ServiceTierOptions {
  /**
   * The tier for a model call: a fixed tier, or a function of the call (its `step`, whether it
   * `streaming`, its request) returning a tier or `undefined` to keep the request's own (the
   * agent's `serviceTier`). A surrounding `withServiceTier(...)` wins over both.
   */
  tier?: ServiceTierName | ((call: ModelCall) => ServiceTierName | undefined);
  /** Where a model's documented tiers are looked up (a tier it lacks is a `ModelCapabilityError`). Default `defaultCapabilityRegistry`. */
  registry?: ModelCapabilityRegistry;
}

const owner = "serviceTierMiddleware";

/**
 * Chooses Bedrock's service tier (`serviceTier.type`) per model call: `flex` for background
 * steps that can wait (cheaper), `priority` for a person waiting on the answer, `default`
 * otherwise. Per agent, set the agent's `serviceTier`; per call, wrap it in `withServiceTier`.
 *
 * @example
 * // Interactive first answer, background follow-up steps:
 * serviceTierMiddleware({ tier: (call) => (call.step === 1 ? "priority" : "flex") });
 */
export function serviceTierMiddleware(options: ServiceTierOptions = {}): MiddlewareObject {
  checkOptions(owner, options, ["tier", "registry"]);
  const { tier } = options;
  if (tier !== undefined && typeof tier !== "function") checkServiceTier(tier, `${owner}: tier`);
  const registry = options.registry ?? defaultCapabilityRegistry;
  if (typeof registry?.get !== "function") throw new ConfigurationError(`${owner}: registry must be a ModelCapabilityRegistry.`);

  function serviceTier(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const chosen = scopedServiceTier() ?? (typeof tier === "function" ? tier(call) : tier);
    if (chosen === undefined) return next();
    checkServiceTier(chosen, `${owner}: the tier chosen for step ${call.step}`);
    const offered = registry.get(call.request.modelId).serviceTiers;
    if (offered !== undefined && !offered.includes(chosen)) {
      throw new ModelCapabilityError(
        call.request.modelId,
        `serviceTier:${chosen}`,
        `${call.request.modelId} is not offered in the ${chosen} tier (it has ${offered.join(", ")}). Choose one of those, or leave the tier out.`,
      );
    }
    return next({ ...call.request, serviceTier: { type: chosen } });
  }

  return { name: "service-tier", model: serviceTier };
}

import { ConfigurationError } from "../errors/configuration-error.js";
import { builtInCapabilities, unknownModelCapabilities } from "./capability-table.js";
import type { ModelCapabilities, ModelCapabilityOverride } from "./model-capabilities.js";
import { parseModelId } from "./parse-model-id.js";

/** Finds the foundation-model ID (or ARN) behind an application inference profile ARN; see `inferenceProfileResolver`. */
export type InferenceProfileLookup = (profileArn: string) => Promise<string | undefined>;

/** Options of `new ModelCapabilityRegistry(...)`. */
export interface ModelCapabilityRegistryOptions {
  /**
   * Capabilities of models the table does not know, or corrections, by model ID as you send it
   * or by foundation-model ID. An override of an unknown model makes it known.
   */
  overrides?: Readonly<Record<string, ModelCapabilityOverride>>;
  /** Resolves application inference profile ARNs (e.g. `inferenceProfileResolver({ client })`); without it they stay unknown. */
  resolveProfile?: InferenceProfileLookup;
}

/** A model ID with the model behind it and that model's capabilities. */
export interface ResolvedModel {
  /** The ID as sent. */
  modelId: string;
  /** The foundation model, when the ID (or its profile) names one. */
  baseModelId: string | undefined;
  capabilities: ModelCapabilities;
}

/**
 * The one place Sluice learns what a model supports: prompt caching (minimum tokens, TTLs),
 * reasoning, native structured output, strict tools, CountTokens, service tiers, images,
 * documents and citations. Base IDs, cross-region profiles (`us.`, `eu.`, `global.`…) and ARNs
 * all resolve to the same entry; application inference profile ARNs resolve through
 * `resolveProfile` (cached), and `overrides` describe models the table does not know.
 *
 * @example
 * const registry = new ModelCapabilityRegistry({ overrides: { "my-imported-model": { nativeStructuredOutput: true } } });
 * registry.get("global.anthropic.claude-sonnet-4-5-20250929-v1:0").nativeStructuredOutput; // true
 */
export class ModelCapabilityRegistry {
  private readonly overrides: Readonly<Record<string, ModelCapabilityOverride>>;
  private readonly resolveProfile: InferenceProfileLookup | undefined;
  private readonly profiles = new Map<string, string | undefined>();
  private readonly pending = new Map<string, Promise<string | undefined>>();
  /** Capabilities already worked out, by model ID and base: middleware ask on every model call. */
  private readonly described = new Map<string, ModelCapabilities>();

  constructor(options: ModelCapabilityRegistryOptions = {}) {
    if (typeof options !== "object" || options === null) throw new ConfigurationError("new ModelCapabilityRegistry(options) takes an options object.");
    if (options.resolveProfile !== undefined && typeof options.resolveProfile !== "function") {
      throw new ConfigurationError("ModelCapabilityRegistry: resolveProfile must be a function such as inferenceProfileResolver({ client }).");
    }
    this.overrides = options.overrides ?? {};
    this.resolveProfile = options.resolveProfile;
  }

  /**
   * The capabilities of a model ID, without network calls: an application inference profile is
   * known here once `resolve` has looked it up (or when an override names its ARN).
   */
  get(modelId: string): ModelCapabilities {
    return this.describe(modelId, this.baseOf(modelId));
  }

  /** Like `get`, but first looks up an application inference profile's model (once per ARN; failures are not cached). */
  async resolve(modelId: string): Promise<ResolvedModel> {
    const parsed = parseModelId(modelId);
    if (parsed.kind === "application-inference-profile" && this.resolveProfile !== undefined && !this.profiles.has(modelId)) {
      let lookup = this.pending.get(modelId);
      if (lookup === undefined) {
        lookup = this.resolveProfile(modelId).then((model) => (model === undefined ? undefined : parseModelId(model).baseModelId));
        this.pending.set(modelId, lookup);
      }
      try {
        this.profiles.set(modelId, await lookup);
      } finally {
        this.pending.delete(modelId);
      }
    }
    const base = parsed.kind === "application-inference-profile" ? this.profiles.get(modelId) : parsed.baseModelId;
    return { modelId, baseModelId: base, capabilities: this.describe(modelId, base) };
  }

  /** The foundation model behind a model ID, including resolved application profiles. */
  baseOf(modelId: string): string | undefined {
    const parsed = parseModelId(modelId);
    return parsed.kind === "application-inference-profile" ? this.profiles.get(modelId) : parsed.baseModelId;
  }

  private describe(modelId: string, base: string | undefined): ModelCapabilities {
    const key = base === undefined ? modelId : `${modelId}\u0000${base}`;
    let capabilities = this.described.get(key);
    if (capabilities === undefined) {
      capabilities = this.combine(modelId, base);
      if (this.described.size < 1_000) this.described.set(key, capabilities); // bounded: IDs come from callers
    }
    return capabilities;
  }

  private combine(modelId: string, base: string | undefined): ModelCapabilities {
    const builtIn = base === undefined ? undefined : builtInCapabilities(base);
    const byBase = base === undefined ? undefined : this.overrides[base];
    const byId = this.overrides[modelId];
    if (builtIn === undefined && byBase === undefined && byId === undefined) return unknownModelCapabilities;
    return { ...(builtIn ?? unknownModelCapabilities), ...byBase, ...byId, known: true };
  }
}

/** The registry Sluice's middleware use when you pass none: the built-in table, no profile resolution. */
export const defaultCapabilityRegistry = new ModelCapabilityRegistry();

/**
 * The built-in capabilities of a model ID (base ID, cross-region profile or ARN).
 *
 * @example
 * modelCapabilities("us.anthropic.claude-opus-4-6-v1").reasoning?.modes; // ["enabled", "adaptive"]
 * modelCapabilities("meta.llama3-1-8b-instruct-v1:0").promptCaching; // undefined
 */
export function modelCapabilities(modelId: string): ModelCapabilities {
  return defaultCapabilityRegistry.get(modelId);
}

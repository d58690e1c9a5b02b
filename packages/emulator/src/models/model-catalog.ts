import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import type { ModelFamily } from "../families/model-family.js";
import { parseModelIdentifier } from "./model-identifier.js";
import type { ParsedModelIdentifier } from "./model-identifier.js";

/**
 * Resolves the native InvokeModel dialect for a model ID; same shape as `resolveFamily` from the
 * families registry.
 */
export type FamilyResolver = (modelId: string, overrides?: Record<string, string>) => ModelFamily | undefined;

/** A model the emulator serves, as the request handlers see it. */
export interface ResolvedModel extends ParsedModelIdentifier {
  /** The native dialect for InvokeModel; undefined for IDs served by Converse only. */
  readonly family?: ModelFamily;
}

/**
 * Model providers whose `provider.model` IDs the emulator accepts on Converse even without a
 * native family (the scripted model answers every Converse call the same way).
 */
const knownProviders = new Set([
  "ai21",
  "amazon",
  "anthropic",
  "cohere",
  "deepseek",
  "google",
  "luma",
  "meta",
  "minimax",
  "mistral",
  "moonshot",
  "moonshotai",
  "nvidia",
  "openai",
  "qwen",
  "stability",
  "twelvelabs",
  "writer",
  "zai",
]);

/**
 * Decides which model identifiers exist. Known: any ID whose family is recognised, any
 * `provider.model` ID of a known provider (with or without an inference-profile prefix), every
 * ARN shape the service accepts, and every ID listed in the `models` option (which maps an
 * opaque ID or ARN to the family name or base model ID it stands for).
 *
 * @example
 * const catalog = new ModelCatalog(() => undefined, {});
 * catalog.resolve("us.anthropic.claude-sonnet-4-6")?.baseModelId; // "anthropic.claude-sonnet-4-6"
 * catalog.resolve("does-not-exist"); // undefined
 */
export class ModelCatalog {
  private readonly cache = new Map<string, ResolvedModel | null>();

  constructor(
    private readonly resolveFamily: FamilyResolver,
    private readonly models: Readonly<Record<string, string>>,
    /** The base model an application inference profile ARN routes to (profiles come and go, so this is asked on every call). */
    private readonly profileModel: (arn: string) => string | undefined = () => undefined,
  ) {
    for (const [modelId, target] of Object.entries(models)) {
      if (typeof target !== "string" || (this.familyNamed(modelId, target) === undefined && parseModelIdentifier(target) === undefined)) {
        throw new EmulatorConfigurationError(
          `models["${modelId}"] must be a family name (e.g. "anthropic-claude") or the base model ID it stands for, got ${JSON.stringify(target)}`,
        );
      }
    }
  }

  resolve(modelId: string): ResolvedModel | undefined {
    const profileBase = modelId.includes(":application-inference-profile/") ? this.profileModel(modelId) : undefined;
    if (profileBase !== undefined) {
      const family = this.resolveFamily(profileBase);
      return { modelId, isPrompt: false, arnResourceType: "application-inference-profile", baseModelId: profileBase, ...(family === undefined ? {} : { family }) };
    }
    const cached = this.cache.get(modelId);
    if (cached !== undefined) return cached ?? undefined;
    const resolved = this.compute(modelId);
    // Bounded so a client sending endless distinct IDs cannot grow memory.
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(modelId, resolved ?? null);
    return resolved;
  }

  /** The family when `name` is a family name (the registry throws for unknown names; those are model IDs). */
  private familyNamed(modelId: string, name: string): ModelFamily | undefined {
    try {
      return this.resolveFamily(modelId, { [modelId]: name });
    } catch {
      return undefined;
    }
  }

  private compute(modelId: string): ResolvedModel | undefined {
    const parsed = parseModelIdentifier(modelId);
    const mappedTo = Object.hasOwn(this.models, modelId) ? this.models[modelId] : undefined;
    if (mappedTo !== undefined) {
      const mappedParse = parseModelIdentifier(mappedTo);
      const family = this.familyNamed(modelId, mappedTo) ?? this.resolveFamily(mappedTo);
      return {
        modelId,
        isPrompt: parsed?.isPrompt ?? false,
        ...(parsed?.arnResourceType === undefined ? {} : { arnResourceType: parsed.arnResourceType }),
        ...(mappedParse?.baseModelId === undefined ? {} : { baseModelId: mappedParse.baseModelId }),
        ...(family === undefined ? {} : { family }),
      };
    }
    if (parsed === undefined) return undefined;
    const family =
      this.resolveFamily(modelId) ??
      (parsed.baseModelId === undefined ? undefined : this.resolveFamily(parsed.baseModelId));
    if (family !== undefined) return { ...parsed, family };
    if (parsed.arnResourceType !== undefined) return parsed;
    const provider = parsed.baseModelId?.split(".")[0];
    if (provider !== undefined && parsed.baseModelId !== provider && knownProviders.has(provider)) return parsed;
    return undefined;
  }
}

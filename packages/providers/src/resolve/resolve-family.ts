import { ConfigurationError, parseModelId } from "@sluice/core";
import { validateModelId } from "@sluice/core/internal";

/** Anything resolvable by family name or model ID. */
export interface FamilyCandidate {
  readonly family: string;
  matches(baseModelId: string): boolean;
}

/** The family chosen for a model ID. */
export interface ResolvedFamily<T extends FamilyCandidate> {
  adapter: T;
  /** The foundation-model ID inside the model ID, or `undefined` when it names none. */
  baseModelId: string | undefined;
}

// Only for error messages: built when one is thrown, not on every request.
function familyNames(adapters: readonly FamilyCandidate[]): string {
  return adapters.map((candidate) => `"${candidate.family}"`).join(", ");
}

/**
 * The adapter with this `family` name; a `ConfigurationError` listing the valid names when
 * there is none.
 *
 * @example
 * familyByName("meta-llama", MODEL_FAMILY_ADAPTERS).displayName; // "Meta Llama"
 */
export function familyByName<T extends FamilyCandidate>(family: string, adapters: readonly T[], kind = "model family", modelId?: string): T {
  const adapter = adapters.find((candidate) => candidate.family === family);
  if (adapter) return adapter;
  throw new ConfigurationError(`Unknown ${kind} "${family}"${modelId === undefined ? "" : ` for model "${modelId}"`}. Use one of: ${familyNames(adapters)}.`);
}

/**
 * Chooses the adapter for a model ID: by the explicit `family` option when given, else from
 * the base model ID inside a base ID, inference-profile ID or foundation-model /
 * inference-profile ARN. ARNs of provisioned, imported, prompt and application-profile models
 * name no family and need `family`; a missing or unknown family is a `ConfigurationError`
 * that lists the valid names.
 *
 * @example
 * resolveFamily("us.meta.llama3-1-8b-instruct-v1:0", undefined, MODEL_FAMILY_ADAPTERS).adapter.family; // "meta-llama"
 * resolveFamily("arn:aws:bedrock:us-east-1:123456789012:imported-model/abc", "meta-llama", MODEL_FAMILY_ADAPTERS);
 */
export function resolveFamily<T extends FamilyCandidate>(
  modelId: string,
  family: string | undefined,
  adapters: readonly T[],
  kind = "model family",
): ResolvedFamily<T> {
  validateModelId(modelId);
  const { baseModelId, kind: idKind } = parseModelId(modelId);
  if (family !== undefined) {
    const adapter = familyByName(family, adapters, kind, modelId);
    return { adapter, baseModelId: baseModelId !== undefined && adapter.matches(baseModelId) ? baseModelId : undefined };
  }
  if (baseModelId === undefined) {
    throw new ConfigurationError(
      `The model ID "${modelId}" is a ${idKind} ARN, which does not say which ${kind} it is. ` +
        `Pass the family option (e.g. invokeModel({ family: "meta-llama" })), one of: ${familyNames(adapters)}.`,
    );
  }
  const adapter = adapters.find((candidate) => candidate.matches(baseModelId));
  if (!adapter) {
    throw new ConfigurationError(
      `No ${kind} adapter recognises the model ID "${modelId}" (base model "${baseModelId}"). ` +
        `Pass the family option if it is a custom or imported model, one of: ${familyNames(adapters)}.`,
    );
  }
  return { adapter, baseModelId };
}

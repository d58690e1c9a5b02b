// Geography prefixes of system-defined cross-region inference profiles.
const PROFILE_PREFIX = /^(?:us|eu|apac|jp|au|ca|global|us-gov)\./;
const BEDROCK_ARN = /^arn:aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?:bedrock:[a-z0-9-]*:\d*:([a-z-]+)\/(.+)$/;

/** What a model ID says about the model behind it. */
export interface ParsedModelId {
  /** The foundation-model ID, e.g. `anthropic.claude-3-5-haiku-20241022-v1:0`; `undefined` when the ID names none. */
  baseModelId: string | undefined;
  /**
   * `base` (a foundation-model ID), `inference-profile` (`us.`/`eu.`/`apac.`/`global.` prefix),
   * or the ARN's resource type (`foundation-model`, `inference-profile`, `provisioned-model`...).
   */
  kind: string;
}

/**
 * Reads a model ID as Bedrock accepts it: a base model ID, a cross-region inference profile
 * (`us.`, `eu.`, `apac.`, `jp.`, `au.`, `ca.`, `global.`, `us-gov.`), a foundation-model or
 * inference-profile ARN (which name the model), or an ARN that names no family (provisioned,
 * imported, prompt, application inference profile). A custom-model ARN that embeds its base
 * model (`custom-model/amazon.titan-text-express-v1:0:8k/abc`) yields that base model.
 *
 * @example
 * parseModelId("eu.anthropic.claude-3-7-sonnet-20250219-v1:0").baseModelId; // "anthropic.claude-3-7-sonnet-20250219-v1:0"
 * parseModelId("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc").baseModelId; // undefined
 */
export function parseModelId(modelId: string): ParsedModelId {
  const arn = BEDROCK_ARN.exec(modelId);
  if (!arn) {
    const profile = PROFILE_PREFIX.test(modelId);
    return { baseModelId: modelId.replace(PROFILE_PREFIX, ""), kind: profile ? "inference-profile" : "base" };
  }
  const kind = arn[1] ?? "";
  const resource = arn[2] ?? "";
  if (kind === "foundation-model") return { baseModelId: resource, kind };
  if (kind === "inference-profile") return { baseModelId: resource.replace(PROFILE_PREFIX, ""), kind };
  if (kind === "custom-model" && resource.includes("/")) {
    // Custom-model ARNs put the base model's ID (plus a context-length suffix) before the model's own ID.
    const base = (resource.split("/")[0] ?? "").replace(/:\d+k$/, "");
    return { baseModelId: base === "" ? undefined : base, kind };
  }
  return { baseModelId: undefined, kind };
}

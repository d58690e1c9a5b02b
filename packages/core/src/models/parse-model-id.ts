// Geography prefixes of system-defined (cross-region) inference profiles.
const PROFILE_PREFIX = /^(?:us|eu|apac|jp|au|ca|global|us-gov)\./;
const BEDROCK_ARN = /^arn:aws(?:-cn|-us-gov|-iso(?:-[a-z])?)?:bedrock:([a-z0-9-]*):(\d*):([a-z-]+)\/(.+)$/;

/** What a model ID says about the model behind it. */
export interface ParsedModelId {
  /** The foundation-model ID, e.g. `anthropic.claude-3-5-haiku-20241022-v1:0`; `undefined` when the ID names none. */
  baseModelId: string | undefined;
  /**
   * `base` (a foundation-model ID), `inference-profile` (`us.`/`eu.`/`apac.`/`global.` prefix),
   * or the ARN's resource type (`foundation-model`, `inference-profile`,
   * `application-inference-profile`, `provisioned-model`, `prompt`...).
   */
  kind: string;
  /** The geography prefix of a cross-region profile (`us`, `eu`, `global`...), when there is one. */
  geography?: string;
  /** The region inside an ARN, when it names one. */
  region?: string;
}

/**
 * Reads a model ID as Bedrock accepts it: a base model ID, a cross-region inference profile
 * (`us.`, `eu.`, `apac.`, `jp.`, `au.`, `ca.`, `global.`, `us-gov.`), a foundation-model or
 * inference-profile ARN (which name the model), or an ARN that names no model (provisioned,
 * imported, prompt, application inference profile). A custom-model ARN that embeds its base
 * model (`custom-model/amazon.titan-text-express-v1:0:8k/abc`) yields that base model. This is
 * the one model-ID parser of Sluice's packages.
 *
 * @example
 * parseModelId("eu.anthropic.claude-3-7-sonnet-20250219-v1:0").baseModelId; // "anthropic.claude-3-7-sonnet-20250219-v1:0"
 * parseModelId("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc").kind; // "application-inference-profile"
 */
export function parseModelId(modelId: string): ParsedModelId {
  const arn = BEDROCK_ARN.exec(modelId);
  if (!arn) {
    const geography = PROFILE_PREFIX.exec(modelId)?.[0].slice(0, -1);
    if (geography === undefined) return { baseModelId: modelId, kind: "base" };
    return { baseModelId: modelId.slice(geography.length + 1), kind: "inference-profile", geography };
  }
  const region = arn[1] === "" ? {} : { region: arn[1] as string };
  const kind = arn[3] ?? "";
  const resource = arn[4] ?? "";
  if (kind === "foundation-model") return { baseModelId: resource, kind, ...region };
  if (kind === "inference-profile") {
    const geography = PROFILE_PREFIX.exec(resource)?.[0].slice(0, -1);
    return { baseModelId: resource.replace(PROFILE_PREFIX, ""), kind, ...region, ...(geography !== undefined && { geography }) };
  }
  if (kind === "custom-model" && resource.includes("/")) {
    // Custom-model ARNs put the base model's ID (plus a context-length suffix) before the model's own ID.
    const base = (resource.split("/")[0] ?? "").replace(/:\d+k$/, "");
    return { baseModelId: base === "" ? undefined : base, kind, ...region };
  }
  return { baseModelId: undefined, kind, ...region };
}

/**
 * The foundation-model ID behind a model ID, or the ID itself when it names none (an application
 * inference profile or provisioned-model ARN stays as it is).
 *
 * @example
 * baseModelId("us.anthropic.claude-3-7-sonnet-20250219-v1:0"); // "anthropic.claude-3-7-sonnet-20250219-v1:0"
 */
export function baseModelId(modelId: string): string {
  return parseModelId(modelId).baseModelId ?? modelId;
}

/** True for an application inference profile ARN (its model is known only to the control plane). */
export function isApplicationProfileArn(modelId: string): boolean {
  return parseModelId(modelId).kind === "application-inference-profile";
}

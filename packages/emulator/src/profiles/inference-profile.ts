import { randomBytes } from "node:crypto";
import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import { parseModelIdentifier } from "../models/model-identifier.js";

/**
 * An inference profile as the Bedrock control plane describes it (`GetInferenceProfile`), keys
 * as the service sends them.
 *
 * @example
 * const profile: InferenceProfile = { inferenceProfileName: "team-a", inferenceProfileArn: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/k3x9", inferenceProfileId: "k3x9", models: [{ modelArn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0" }], status: "ACTIVE", type: "APPLICATION", createdAt: "2026-07-13T14:00:42.680622107Z", updatedAt: "2026-07-13T14:00:42.680622107Z" };
 */
export interface InferenceProfile {
  inferenceProfileName: string;
  description?: string;
  inferenceProfileArn: string;
  inferenceProfileId: string;
  models: Array<{ modelArn: string }>;
  status: "ACTIVE";
  type: "APPLICATION" | "SYSTEM_DEFINED";
  createdAt: string;
  updatedAt: string;
}

/**
 * An application inference profile a test declares (option `inferenceProfiles`,
 * `emulator.createInferenceProfile`) or creates through `CreateInferenceProfile`.
 *
 * @example
 * const declaration: InferenceProfileDeclaration = { name: "team-a", model: "global.anthropic.claude-haiku-4-5-20251001-v1:0" };
 */
export interface InferenceProfileDeclaration {
  /** `inferenceProfileName`. */
  name: string;
  /** What it routes to: a base model ID, a system inference-profile ID (`us.…`, `global.…`) or a foundation-model / inference-profile ARN. */
  model: string;
  /** The profile ID (last ARN segment); default 12 random lowercase letters and digits, like the service's. */
  id?: string;
  description?: string;
  /** ISO 8601 creation time; default now. */
  createdAt?: string;
}

/** Where the emulator pretends to run: the region and account in the ARNs it builds. */
export interface EmulatorAccount {
  region: string;
  accountId: string;
}

const PROFILE_NAME = /^([0-9a-zA-Z][ _-]?)+$/;
const PROFILE_ID = /^[a-zA-Z0-9-:.]+$/;

function generatedId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(12)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/** The system-profile geography prefix of a model ID (`us`, `global`, …), if any. */
function geographyOf(modelId: string): string | undefined {
  return /^(us|eu|apac|jp|global|us-gov|ca|au)\.[a-z0-9-]+\./.exec(modelId)?.[1];
}

/**
 * The `models` list of a profile copied from `source`: one foundation-model ARN in the emulator's
 * region; a `global.` source adds the region-less ARN first, as recorded for a profile copied from
 * a global system profile.
 *
 * @example
 * profileModels("global.anthropic.claude-haiku-4-5-20251001-v1:0", { region: "us-east-1", accountId: "123456789012" });
 * // [{ modelArn: "arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0" }, { modelArn: "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0" }]
 */
export function profileModels(source: string, account: EmulatorAccount): Array<{ modelArn: string }> {
  const parsed = parseModelIdentifier(source);
  const base = parsed?.baseModelId;
  if (base === undefined || (parsed?.arnResourceType !== undefined && parsed.arnResourceType !== "foundation-model" && parsed.arnResourceType !== "inference-profile")) {
    throw new EmulatorConfigurationError(`An inference profile must copy a model ID, a system inference profile or their ARN, got ${JSON.stringify(source)}.`);
  }
  const resource = parsed?.arnResourceType === undefined ? source : source.slice(source.lastIndexOf("/") + 1);
  const regional = { modelArn: `arn:aws:bedrock:${account.region}::foundation-model/${base}` };
  return geographyOf(resource) === "global" ? [{ modelArn: `arn:aws:bedrock:::foundation-model/${base}` }, regional] : [regional];
}

/**
 * Builds the profile a declaration describes, checking its name and ID as the service does.
 *
 * @example
 * applicationProfile({ name: "team-a", model: "anthropic.claude-3-5-haiku-20241022-v1:0", id: "k3x9" }, { region: "us-east-1", accountId: "123456789012" }).inferenceProfileArn;
 * // "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/k3x9"
 */
export function applicationProfile(declaration: InferenceProfileDeclaration, account: EmulatorAccount): InferenceProfile {
  const { name, model, description } = declaration;
  if (typeof name !== "string" || name.length === 0 || name.length > 64 || !PROFILE_NAME.test(name)) {
    throw new EmulatorConfigurationError(`An inference profile name must be 1 to 64 letters, digits, spaces, '_' or '-' (not two in a row), got ${JSON.stringify(name)}.`);
  }
  const id = declaration.id ?? generatedId();
  if (id.length > 64 || !PROFILE_ID.test(id)) throw new EmulatorConfigurationError(`An inference profile id must match [a-zA-Z0-9-:.]{1,64}, got ${JSON.stringify(id)}.`);
  const createdAt = declaration.createdAt ?? new Date().toISOString();
  return {
    inferenceProfileName: name,
    ...(description === undefined ? {} : { description }),
    inferenceProfileArn: `arn:aws:bedrock:${account.region}:${account.accountId}:application-inference-profile/${id}`,
    inferenceProfileId: id,
    models: profileModels(model, account),
    status: "ACTIVE",
    type: "APPLICATION",
    createdAt,
    updatedAt: createdAt,
  };
}

/**
 * The system-defined profile behind a cross-region profile ID such as `us.anthropic.claude-sonnet-4-6`
 * (the emulator names it by its ID; the service uses a display name).
 *
 * @example
 * systemProfile("us.anthropic.claude-sonnet-4-6", { region: "us-east-1", accountId: "123456789012" })?.type; // "SYSTEM_DEFINED"
 */
export function systemProfile(profileId: string, account: EmulatorAccount): InferenceProfile | undefined {
  if (geographyOf(profileId) === undefined) return undefined;
  const base = parseModelIdentifier(profileId)?.baseModelId;
  if (base === undefined) return undefined;
  const regions = geographyOf(profileId) === "global" ? "" : account.region;
  return {
    inferenceProfileName: profileId,
    inferenceProfileArn: `arn:aws:bedrock:${account.region}:${account.accountId}:inference-profile/${profileId}`,
    inferenceProfileId: profileId,
    models: [{ modelArn: `arn:aws:bedrock:${regions}::foundation-model/${base}` }],
    status: "ACTIVE",
    type: "SYSTEM_DEFINED",
    createdAt: "2024-08-27T00:00:00Z",
    updatedAt: "2024-08-27T00:00:00Z",
  };
}

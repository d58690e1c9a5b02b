/**
 * What the emulator learns from a model identifier taken from the request path (already
 * percent-decoded): which base model it names, whether it is an ARN, and whether it is a
 * Prompt-management ARN (for which Converse's `messages` is optional).
 */
export interface ParsedModelIdentifier {
  /** The identifier as routed, e.g. `us.anthropic.claude-3-5-haiku-20241022-v1:0`. */
  readonly modelId: string;
  /** The base model ID when one can be read from it (profile prefix / ARN stripped). */
  readonly baseModelId?: string;
  /** The ARN resource type (`foundation-model`, `application-inference-profile`, …) for ARNs. */
  readonly arnResourceType?: string;
  readonly isPrompt: boolean;
}

const inferenceProfilePrefixes = ["us.", "eu.", "apac.", "jp.", "global.", "us-gov.", "ca.", "au."];

/** ARN resource types the service accepts as a model identifier (§1.3). */
const bedrockArnResourceTypes = new Set([
  "foundation-model",
  "inference-profile",
  "application-inference-profile",
  "provisioned-model",
  "custom-model",
  "custom-model-deployment",
  "imported-model",
  "prompt",
  "prompt-router",
  "default-prompt-router",
]);

const bedrockArnPattern = /^arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]*:(\d{12})?:([a-z-]+)\/(.+)$/;
const sageMakerEndpointPattern = /^arn:aws(?:-[a-z-]+)?:sagemaker:[a-z0-9-]+:\d{12}:endpoint\/.+$/;

/**
 * Strips a cross-region inference profile prefix (`us.`, `eu.`, `apac.`, `jp.`, `global.`).
 *
 * @example
 * stripInferenceProfilePrefix("us.anthropic.claude-sonnet-4-6"); // "anthropic.claude-sonnet-4-6"
 */
export function stripInferenceProfilePrefix(modelId: string): string {
  for (const prefix of inferenceProfilePrefixes) {
    if (modelId.startsWith(prefix)) return modelId.slice(prefix.length);
  }
  return modelId;
}

/**
 * Reads a decoded model identifier; undefined when it is neither a plausible model ID nor one of
 * the ARN shapes the service accepts.
 *
 * @example
 * parseModelIdentifier("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large")?.baseModelId;
 * // "amazon.titan-tg1-large"
 */
export function parseModelIdentifier(modelId: string): ParsedModelIdentifier | undefined {
  if (modelId.length === 0 || modelId.length > 2048) return undefined;
  if (modelId.startsWith("arn:")) {
    if (sageMakerEndpointPattern.test(modelId)) {
      return { modelId, arnResourceType: "sagemaker-endpoint", isPrompt: false };
    }
    const match = bedrockArnPattern.exec(modelId);
    const resourceType = match?.[2];
    const resource = match?.[3];
    if (resourceType === undefined || resource === undefined || !bedrockArnResourceTypes.has(resourceType)) {
      return undefined;
    }
    const readsAsModelId = resourceType === "foundation-model" || resourceType === "inference-profile";
    return {
      modelId,
      arnResourceType: resourceType,
      isPrompt: resourceType === "prompt",
      ...(readsAsModelId ? { baseModelId: stripInferenceProfilePrefix(resource) } : {}),
    };
  }
  if (!/^[a-zA-Z0-9._:-]+$/.test(modelId)) return undefined;
  return { modelId, baseModelId: stripInferenceProfilePrefix(modelId), isPrompt: false };
}

/**
 * Model ID normalisation shared by every family: Bedrock accepts the same model as a base ID,
 * a cross-region inference profile ID, or an ARN that embeds either.
 */
import { stripInferenceProfilePrefix } from "../models/model-identifier.js";

const BEDROCK_ARN = /^arn:aws(?:-cn|-us-gov)?:bedrock:[a-z0-9-]*:\d*:([a-z-]+)\/(.+)$/;

/**
 * The base foundation-model ID inside a model identifier, or the identifier itself when it names
 * nothing recognisable (an application inference profile or provisioned-model ARN is opaque).
 *
 * @example
 * foundationModelId("arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-tg1-large"); // "amazon.titan-tg1-large"
 * foundationModelId("us.anthropic.claude-3-5-haiku-20241022-v1:0"); // "anthropic.claude-3-5-haiku-20241022-v1:0"
 */
export function foundationModelId(modelId: string): string {
  const arn = BEDROCK_ARN.exec(modelId);
  // Custom-model ARNs put the base model first: custom-model/amazon.titan-text-express-v1:0:8k/abc.
  const resource = arn ? (arn[2] ?? "").split("/")[0] ?? "" : modelId;
  return stripInferenceProfilePrefix(resource);
}

/**
 * A `matches` function for a family: true when the model identifier's base ID fits `pattern`.
 *
 * @example
 * const matches = modelIdMatcher(/^meta\.llama/);
 * matches("us.meta.llama3-2-1b-instruct-v1:0"); // true
 */
export function modelIdMatcher(pattern: RegExp): (modelId: string) => boolean {
  return function matchesModelId(modelId: string): boolean {
    return pattern.test(foundationModelId(modelId));
  };
}

const profilePrefix = /^(us|eu|apac|jp|au|ca|us-gov|global)\./;
const foundationModelArn = /^arn:aws[a-z-]*:bedrock:[^:]*::foundation-model\//;

/**
 * The base model ID behind a model ID as Sluice sends it: without a cross-region inference
 * profile prefix (`us.`, `eu.`, `global.` …) and without a foundation-model ARN around it.
 * Other ARNs (application inference profiles, provisioned models) are returned unchanged.
 *
 * @example
 * baseModelId("us.anthropic.claude-3-7-sonnet-20250219-v1:0"); // "anthropic.claude-3-7-sonnet-20250219-v1:0"
 */
export function baseModelId(modelId: string): string {
  return modelId.replace(foundationModelArn, "").replace(profilePrefix, "");
}

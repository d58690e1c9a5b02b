import { ConfigurationError } from "../errors/configuration-error.js";
import { parseModelId } from "../models/parse-model-id.js";
import { closest } from "./closest-name.js";
import type { AgentOptions } from "./agent-options.js";
import { optionChecks } from "./option-types.js";

export { validateInferenceConfig } from "./option-types.js";

/** Every option `new Agent(...)` knows: the keys of `optionChecks`. */
const agentOptionKeys = Object.keys(optionChecks);

/**
 * Checks agent options before anything touches the network; throws `ConfigurationError` saying how
 * to fix each problem. Only the options given are looked at, so building an agent costs little.
 */
export function validateAgentOptions(options: AgentOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new ConfigurationError("new Agent(options) needs an options object, e.g. new Agent({ modelId: \"...\" }).");
  }
  for (const key in options) {
    if (!Object.hasOwn(optionChecks, key)) throw unknownOptions(options);
    const value = options[key as keyof AgentOptions];
    if (value !== undefined) (optionChecks[key as keyof AgentOptions] as (value: unknown, options: AgentOptions) => void)(value, options);
  }
  if (options.modelId !== undefined) validateModelId(options.modelId);
  if (options.client !== undefined && options.clientOptions !== undefined) {
    throw new ConfigurationError("Pass either client or clientOptions, not both: clientOptions only describe a client Sluice builds.");
  }
  if (options.modelId !== undefined && isPromptArn(options.modelId)) {
    for (const key of ["system", "tools", "inferenceConfig", "additionalModelRequestFields", "toolChoice"] as const) {
      if (options[key] !== undefined) {
        throw new ConfigurationError(
          `${key} cannot be used with a prompt-management ARN as modelId: the prompt defines it. Set it in the prompt, or use a model ID.`,
        );
      }
    }
  }
}

/** Checks a model ID: a non-empty string of at most 2048 characters. */
export function validateModelId(modelId: unknown): asserts modelId is string {
  if (typeof modelId !== "string" || modelId.trim() === "") {
    throw new ConfigurationError(
      'modelId must be a non-empty string: a model ID ("anthropic.claude-3-5-haiku-20241022-v1:0"), an inference profile ' +
        '("us.anthropic.claude-3-5-haiku-20241022-v1:0") or an ARN.',
    );
  }
  if (modelId.length > 2048) throw new ConfigurationError(`modelId is ${modelId.length} characters long; Bedrock accepts at most 2048.`);
}

/** True for prompt-management ARNs, which carry their own system prompt and settings. */
export function isPromptArn(modelId: string): boolean {
  // Only ARNs can name a prompt; the full parse is skipped for the usual model and profile IDs.
  return modelId.startsWith("arn:") && parseModelId(modelId).kind === "prompt";
}

function unknownOptions(options: AgentOptions): ConfigurationError {
  const unknown = Object.keys(options).filter((key) => !Object.hasOwn(optionChecks, key));
  const hint = unknown.map((key) => suggestion(key) || didYouMean(key)).filter(Boolean).join(" ");
  return new ConfigurationError(
    `Unknown agent option${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. ${hint}`.trim() + ` Known options: ${agentOptionKeys.join(", ")}.`,
  );
}

function didYouMean(key: string): string {
  const near = closest(key, agentOptionKeys);
  return near ? `Did you mean ${near}?` : "";
}

function suggestion(key: string): string {
  const lower = key.toLowerCase();
  if (["temperature", "maxtokens", "topp", "stopsequences"].includes(lower)) return `Put ${key} inside inferenceConfig.`;
  if (["region", "endpoint", "credentials"].includes(lower)) return `Put ${key} inside clientOptions.`;
  if (lower === "maxturns" || lower === "maxiterations") return "Did you mean maxSteps?";
  if (lower === "systemprompt" || lower === "instructions") return "Did you mean system?";
  return "";
}

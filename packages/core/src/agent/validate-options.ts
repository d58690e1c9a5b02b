import type { InferenceConfiguration } from "@aws-sdk/client-bedrock-runtime";
import { describe } from "../conversation/content-rules.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { parseModelId } from "../models/parse-model-id.js";
import { checkOptionTypes } from "./option-types.js";
import { closest } from "./closest-name.js";
import { agentOptionKeys, type AgentOptions } from "./agent-options.js";

/** Checks agent options before anything touches the network; throws `ConfigurationError` saying how to fix each problem. */
export function validateAgentOptions(options: AgentOptions): void {
  if (typeof options !== "object" || options === null) {
    throw new ConfigurationError("new Agent(options) needs an options object, e.g. new Agent({ modelId: \"...\" }).");
  }
  const unknown = Object.keys(options).filter((key) => !(agentOptionKeys as readonly string[]).includes(key));
  if (unknown.length > 0) {
    const hint = unknown.map((key) => suggestion(key) || didYouMean(key)).filter(Boolean).join(" ");
    throw new ConfigurationError(
      `Unknown agent option${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. ${hint}`.trim() +
        ` Known options: ${agentOptionKeys.join(", ")}.`,
    );
  }
  if (options.modelId !== undefined) validateModelId(options.modelId);
  checkOptionTypes(options);
  if (options.inferenceConfig !== undefined) validateInferenceConfig(options.inferenceConfig);
  positiveInteger("maxSteps", options.maxSteps);
  positiveInteger("toolConcurrency", options.toolConcurrency);
  positiveInteger("toolTimeoutMs", options.toolTimeoutMs);
  oneOf("toolExecution", options.toolExecution, ["parallel", "sequential"]);
  oneOf("toolErrors", options.toolErrors, ["model", "throw"]);
  oneOf("concurrency", options.concurrency, ["queue", "reject"]);
  oneOf("serviceTier", options.serviceTier, ["default", "flex", "priority", "reserved"]);
  if (options.client !== undefined && options.clientOptions !== undefined) {
    throw new ConfigurationError("Pass either client or clientOptions, not both: clientOptions only describe a client Sluice builds.");
  }
  if (options.modelId && isPromptArn(options.modelId)) {
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

/** Checks Bedrock's bounds for the common inference parameters. */
export function validateInferenceConfig(config: InferenceConfiguration): void {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new ConfigurationError(`inferenceConfig is ${describe(config)}; it must be an object such as { maxTokens: 512, temperature: 0.2 }.`);
  }
  const { maxTokens, temperature, topP, stopSequences } = config;
  if (maxTokens !== undefined && (!Number.isInteger(maxTokens) || maxTokens < 1)) {
    throw new ConfigurationError(`inferenceConfig.maxTokens is ${maxTokens}; it must be a whole number of at least 1.`);
  }
  for (const [name, value] of [["temperature", temperature], ["topP", topP]] as const) {
    if (value !== undefined && (typeof value !== "number" || Number.isNaN(value) || value < 0 || value > 1)) {
      throw new ConfigurationError(`inferenceConfig.${name} is ${value}; Bedrock accepts values from 0 to 1.`);
    }
  }
  if (stopSequences !== undefined && (!Array.isArray(stopSequences) || stopSequences.some((s) => typeof s !== "string" || s === ""))) {
    throw new ConfigurationError("inferenceConfig.stopSequences must be an array of non-empty strings.");
  }
  const known = ["maxTokens", "temperature", "topP", "stopSequences"];
  const unknown = Object.keys(config).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `Unknown inferenceConfig key${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Converse takes ${known.join(", ")}; ` +
        "send model-specific parameters (such as top_k) in additionalModelRequestFields.",
    );
  }
}

/** True for prompt-management ARNs, which carry their own system prompt and settings. */
export function isPromptArn(modelId: string): boolean {
  return parseModelId(modelId).kind === "prompt";
}

function positiveInteger(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < 1)) {
    throw new ConfigurationError(`${name} is ${String(value)}; it must be a whole number of at least 1.`);
  }
}

function oneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    throw new ConfigurationError(`${name} is ${JSON.stringify(value)}; use one of ${allowed.map((a) => `"${a}"`).join(", ")}.`);
  }
}

function didYouMean(key: string): string {
  const near = closest(key, agentOptionKeys as readonly string[]);
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

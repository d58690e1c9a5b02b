import type { SystemContentBlock, ToolConfiguration } from "@aws-sdk/client-bedrock-runtime";
import type { Conversation } from "../conversation/conversation.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import type { ToolRegistry } from "../tools/tool-registry.js";
import type { AgentOptions } from "./agent-options.js";
import type { RunWiring } from "./run.js";
import { isPromptArn } from "./validate-options.js";

/** The parts of every request that come from the agent's options (the conversation adds the rest). */
export function requestBaseOf(options: AgentOptions, modelId: string): RunWiring["requestBase"] {
  return {
    modelId,
    ...(options.inferenceConfig && { inferenceConfig: options.inferenceConfig }),
    ...(options.additionalModelRequestFields !== undefined && { additionalModelRequestFields: options.additionalModelRequestFields }),
    ...(options.additionalModelResponseFieldPaths && { additionalModelResponseFieldPaths: options.additionalModelResponseFieldPaths }),
    ...(options.guardrailConfig && { guardrailConfig: options.guardrailConfig }),
    ...(options.promptVariables && { promptVariables: options.promptVariables }),
    ...(options.requestMetadata && { requestMetadata: options.requestMetadata }),
    ...(options.performanceConfig && { performanceConfig: options.performanceConfig }),
    ...(options.serviceTier !== undefined && { serviceTier: { type: options.serviceTier } }),
  };
}

/**
 * Puts the agent's system prompt (unless the conversation has its own) and its tools into the
 * conversation. Prompt-management ARNs carry their own configuration, so they get no tools.
 */
export function applyConfiguration(conversation: Conversation, options: AgentOptions, registry: ToolRegistry, modelId: string): void {
  if (options.system !== undefined && !conversation.system) conversation.system = toSystemBlocks(options.system);
  if (registry.size > 0 && !isPromptArn(modelId)) {
    const toolConfig: ToolConfiguration = {
      tools: registry.toBedrockTools(),
      ...(options.toolChoice && { toolChoice: options.toolChoice }),
    };
    conversation.toolConfig = toolConfig;
  }
}

function toSystemBlocks(system: string | SystemContentBlock[]): SystemContentBlock[] {
  if (typeof system !== "string") return system;
  if (system.trim() === "") throw new ConfigurationError("system is blank; Bedrock refuses blank text. Omit it or give it text.");
  return [{ text: system }];
}

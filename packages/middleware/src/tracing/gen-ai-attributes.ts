import type { Attributes } from "@opentelemetry/api";
import type { ModelCall, ModelResponse, TokenUsage } from "@sluice/core";

/** `gen_ai.provider.name` for every Bedrock span, as the GenAI conventions define it. */
export const bedrockProviderName = "aws.bedrock";

/**
 * The OpenTelemetry GenAI attribute names Sluice writes (semantic conventions for GenAI spans,
 * with the AWS Bedrock additions).
 */
export const GenAiAttributes = {
  operationName: "gen_ai.operation.name",
  providerName: "gen_ai.provider.name",
  requestModel: "gen_ai.request.model",
  requestMaxTokens: "gen_ai.request.max_tokens",
  requestTemperature: "gen_ai.request.temperature",
  requestTopP: "gen_ai.request.top_p",
  requestStopSequences: "gen_ai.request.stop_sequences",
  responseFinishReasons: "gen_ai.response.finish_reasons",
  usageInputTokens: "gen_ai.usage.input_tokens",
  usageOutputTokens: "gen_ai.usage.output_tokens",
  usageCacheReadInputTokens: "gen_ai.usage.cache_read.input_tokens",
  usageCacheCreationInputTokens: "gen_ai.usage.cache_creation.input_tokens",
  toolName: "gen_ai.tool.name",
  toolCallId: "gen_ai.tool.call.id",
  toolType: "gen_ai.tool.type",
  toolDescription: "gen_ai.tool.description",
  agentName: "gen_ai.agent.name",
  agentId: "gen_ai.agent.id",
  conversationId: "gen_ai.conversation.id",
  guardrailId: "aws.bedrock.guardrail.id",
  errorType: "error.type",
} as const;

/**
 * Span attributes of a model call, known before it is sent.
 *
 * @example
 * tracer.startSpan(`chat ${call.request.modelId}`, { attributes: modelRequestAttributes(call) });
 */
export function modelRequestAttributes(call: ModelCall): Attributes {
  const { modelId, inferenceConfig, guardrailConfig } = call.request;
  const attributes: Attributes = {
    [GenAiAttributes.operationName]: "chat",
    [GenAiAttributes.providerName]: bedrockProviderName,
    [GenAiAttributes.requestModel]: modelId,
    "sluice.step": call.step,
    "sluice.streaming": call.streaming,
    "sluice.run_id": call.runId,
  };
  if (inferenceConfig?.maxTokens !== undefined) attributes[GenAiAttributes.requestMaxTokens] = inferenceConfig.maxTokens;
  if (inferenceConfig?.temperature !== undefined) attributes[GenAiAttributes.requestTemperature] = inferenceConfig.temperature;
  if (inferenceConfig?.topP !== undefined) attributes[GenAiAttributes.requestTopP] = inferenceConfig.topP;
  if (inferenceConfig?.stopSequences?.length) attributes[GenAiAttributes.requestStopSequences] = inferenceConfig.stopSequences;
  if (guardrailConfig?.guardrailIdentifier) attributes[GenAiAttributes.guardrailId] = guardrailConfig.guardrailIdentifier;
  return attributes;
}

/**
 * Span attributes of a finished model call: stop reason and token usage.
 *
 * @example
 * span.setAttributes(modelResponseAttributes(response));
 */
export function modelResponseAttributes(response: ModelResponse): Attributes {
  return {
    ...(response.stopReason !== undefined && { [GenAiAttributes.responseFinishReasons]: [response.stopReason] }),
    ...usageAttributes(response.usage),
  };
}

/**
 * Token usage as GenAI attributes. The conventions count cached tokens inside
 * `gen_ai.usage.input_tokens`, while Bedrock's `inputTokens` leaves them out, so cache reads
 * and writes are added back in.
 *
 * @example
 * usageAttributes({ inputTokens: 10, outputTokens: 5, cacheReadInputTokens: 100 });
 * // { "gen_ai.usage.input_tokens": 110, "gen_ai.usage.output_tokens": 5, "gen_ai.usage.cache_read.input_tokens": 100, … }
 */
export function usageAttributes(usage: TokenUsage | undefined): Attributes {
  if (!usage) return {};
  const cacheRead = usage.cacheReadInputTokens ?? 0;
  const cacheWrite = usage.cacheWriteInputTokens ?? 0;
  return {
    [GenAiAttributes.usageInputTokens]: (usage.inputTokens ?? 0) + cacheRead + cacheWrite,
    [GenAiAttributes.usageOutputTokens]: usage.outputTokens ?? 0,
    [GenAiAttributes.usageCacheReadInputTokens]: cacheRead,
    [GenAiAttributes.usageCacheCreationInputTokens]: cacheWrite,
  };
}

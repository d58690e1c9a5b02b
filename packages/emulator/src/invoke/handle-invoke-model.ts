import { validationError } from "../errors/service-error.js";
import { STREAMING_UNSUPPORTED_MESSAGE } from "../families/model-family.js";
import type { ModelFamily, ModelTurn, RenderContext } from "../families/model-family.js";
import { baseHeaders, latencySince } from "../server/call-context.js";
import type { CallContext } from "../server/call-context.js";
import { sendEventStream } from "../server/send-event-stream.js";
import type { FrameSource } from "../server/send-event-stream.js";
import { cachedUsage, checkModelFeatures } from "../converse/model-features.js";
import { requireNativeJson, withNativeErrors } from "./parse-native-body.js";

const acceptedContentTypes = new Set(["application/json", "application/octet-stream", "*/*"]);

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * InvokeModel and InvokeModelWithResponseStream: the model's family parses the native body into a
 * Converse-shaped request, the scripted model answers, the family renders the native response
 * (token counts in `X-Amzn-Bedrock-*` headers) or the native stream chunks (each framed as
 * `{"bytes":<base64>,"p":…}`, invocation metrics merged into the last one by the family).
 *
 * @example
 * await handleInvokeModel(context);
 */
export async function handleInvokeModel(context: CallContext): Promise<void> {
  const { model, state, headers } = context;
  const family = model.family;
  if (family === undefined) throw validationError("The provided model identifier is invalid.");
  const contentType = headerValue(headers["content-type"])?.split(";")[0]?.trim().toLowerCase();
  if (contentType !== undefined && contentType !== "" && !acceptedContentTypes.has(contentType)) {
    throw validationError(`The provided Content-Type ${contentType} is not supported. Use application/json and try again.`);
  }
  const streaming = context.operation === "InvokeModelWithResponseStream";
  if (streaming && (family.embedding === true || family.supportsStreaming === false)) {
    throw validationError(STREAMING_UNSUPPORTED_MESSAGE);
  }
  const nativeBody = requireNativeJson(context.body);
  if (family.embedding === true) {
    sendEmbedding(context, family, nativeBody);
    return;
  }
  const request = withNativeErrors(() => family.parseRequest(nativeBody, model.baseModelId ?? model.modelId));
  const tier = headerValue(headers["x-amzn-bedrock-service-tier"]);
  checkModelFeatures(tier === undefined ? request : { ...request, serviceTier: { type: tier } }, model, state);
  const turn = state.scriptedModel.respond(request, model.modelId);
  turn.usage = cachedUsage(turn, request, model, state);
  const renderContext: RenderContext = {
    // An application profile's ARN says nothing about the model: families render the model it routes to.
    modelId: model.arnResourceType === "application-inference-profile" ? (model.baseModelId ?? model.modelId) : model.modelId,
    requestId: context.requestId,
    chunkSize: state.streaming.chunkSize,
    invocationMetrics: invocationMetrics(turn, context),
    nativeBody,
  };
  const echoed = echoedHeaders(context);
  if (!streaming) {
    const body = JSON.stringify(family.renderResponse(turn, renderContext));
    context.channel.sendJson(200, { ...baseHeaders(context.requestId), ...tokenHeaders(turn, context), ...echoed }, body);
    return;
  }
  const chunks = family.renderStream(turn, renderContext);
  const frames: FrameSource[] = chunks.map((chunk) => () => state.encoder.chunk(JSON.stringify(chunk)));
  await sendEventStream(context, { "X-Amzn-Bedrock-Content-Type": "application/json", ...echoed }, frames);
}

/** Embeddings have no turn: the family answers with vectors; only input count and latency headers. */
function sendEmbedding(context: CallContext, family: ModelFamily, nativeBody: unknown): void {
  if (family.embed === undefined) throw validationError("The provided model identifier is invalid.");
  const embed = family.embed.bind(family);
  const result = withNativeErrors(() => embed(nativeBody, context.model.modelId, context.requestId));
  context.channel.sendJson(
    200,
    {
      ...baseHeaders(context.requestId),
      "X-Amzn-Bedrock-Invocation-Latency": String(latencySince(context)),
      "X-Amzn-Bedrock-Input-Token-Count": String(result.inputTokens),
      ...echoedHeaders(context),
    },
    JSON.stringify(result.body),
  );
}

function invocationMetrics(turn: ModelTurn, context: CallContext): Record<string, number> {
  const latency = latencySince(context) + context.state.streaming.firstTokenDelayMs;
  const metrics: Record<string, number> = {
    inputTokenCount: turn.usage.inputTokens,
    outputTokenCount: turn.usage.outputTokens,
    invocationLatency: latency,
    firstByteLatency: Math.max(1, context.state.streaming.firstTokenDelayMs || latency),
  };
  if (turn.usage.cacheReadInputTokens !== undefined || turn.usage.cacheWriteInputTokens !== undefined) {
    metrics["cacheReadInputTokenCount"] = turn.usage.cacheReadInputTokens ?? 0;
    metrics["cacheWriteInputTokenCount"] = turn.usage.cacheWriteInputTokens ?? 0;
  }
  return metrics;
}

function tokenHeaders(turn: ModelTurn, context: CallContext): Record<string, string | number> {
  const headers: Record<string, string | number> = {
    "X-Amzn-Bedrock-Invocation-Latency": String(latencySince(context)),
    "X-Amzn-Bedrock-Input-Token-Count": String(turn.usage.inputTokens),
    "X-Amzn-Bedrock-Output-Token-Count": String(turn.usage.outputTokens),
  };
  if (turn.usage.cacheReadInputTokens !== undefined || turn.usage.cacheWriteInputTokens !== undefined) {
    headers["X-Amzn-Bedrock-Cache-Read-Input-Token-Count"] = String(turn.usage.cacheReadInputTokens ?? 0);
    headers["X-Amzn-Bedrock-Cache-Write-Input-Token-Count"] = String(turn.usage.cacheWriteInputTokens ?? 0);
  }
  return headers;
}

/** Performance and service-tier settings come back in the response headers when requested. */
function echoedHeaders(context: CallContext): Record<string, string> {
  const echoed: Record<string, string> = {};
  const latency = headerValue(context.headers["x-amzn-bedrock-performanceconfig-latency"]);
  if (latency !== undefined) echoed["X-Amzn-Bedrock-PerformanceConfig-Latency"] = latency;
  const tier = headerValue(context.headers["x-amzn-bedrock-service-tier"]);
  if (tier !== undefined) echoed["X-Amzn-Bedrock-Service-Tier"] = tier;
  return echoed;
}

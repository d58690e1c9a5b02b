import { baseHeaders, latencySince } from "../server/call-context.js";
import type { CallContext } from "../server/call-context.js";
import { sendEventStream } from "../server/send-event-stream.js";
import type { FrameSource } from "../server/send-event-stream.js";
import { converseStreamEvents } from "./converse-stream-events.js";
import { cachedUsage, checkModelFeatures } from "./model-features.js";
import { renderConverseResponse } from "./render-converse-response.js";
import { validateConverseRequest } from "./validate-converse-request.js";

/**
 * Converse and ConverseStream: validate like the service, run the scripted model, answer with
 * the JSON response or the event stream.
 *
 * @example
 * await handleConverse(context);
 */
export async function handleConverse(context: CallContext): Promise<void> {
  const request = validateConverseRequest(context.body, { isPrompt: context.model.isPrompt, modelId: context.model.baseModelId ?? context.model.modelId });
  const { state, model } = context;
  checkModelFeatures(request, model, state);
  const turn = state.scriptedModel.respond(request, model.modelId);
  turn.usage = cachedUsage(turn, request, model, state);
  if (context.operation === "Converse") {
    context.channel.sendJson(200, baseHeaders(context.requestId), renderConverseResponse(turn, request, latencySince(context)));
    return;
  }
  const events = converseStreamEvents(turn, request, state.streaming.chunkSize);
  const frames: FrameSource[] = events.map((event) => () => {
    if (event.eventType === "metadata") {
      event.payload["metrics"] = { latencyMs: latencySince(context) };
    }
    return state.encoder.event(event.eventType, event.payload);
  });
  await sendEventStream(context, {}, frames);
}

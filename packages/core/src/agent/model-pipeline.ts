import { checkRequest } from "../conversation/request-rules.js";
import { ConversationValidationError } from "../errors/conversation-error.js";
import { compose, type WrapPoint } from "../middleware/compose.js";
import type { ModelCall, ModelMiddleware, ModelNextOptions } from "../middleware/model-middleware.js";
import { ModelResult } from "../middleware/model-result.js";
import type { Model, ModelRequest } from "../model/model.js";

const modelWrapPoint: WrapPoint<ModelCall, [request?: ModelRequest, options?: ModelNextOptions], ModelResult> = {
  kind: "model",
  rebind: (call, request, options) => ({
    ...call,
    request: request ?? call.request,
    ...(options?.signal && { signal: options.signal }),
  }),
  isResult: ModelResult.isInstance,
  expected: "the ModelResult from next(), or ModelResult.fromResponse(...) / ModelResult.fromEvents(...)",
  // One mode for middleware: a non-streaming call's failure rejects next(), wherever it arose inside.
  settle: async (call, result) => {
    if (!call.streaming) await result.response();
    return result;
  },
};

/**
 * The model call wrapped in its middleware: the innermost layer checks the request against
 * Bedrock's rules (`checkRequest`) and sends it to the model, over ConverseStream for streaming
 * calls and Converse otherwise.
 *
 * @example
 * const callModel = createModelPipeline([loggingMiddleware], model);
 */
export function createModelPipeline(middleware: readonly ModelMiddleware[], model: Model): (call: ModelCall) => Promise<ModelResult> {
  return compose(middleware, callModel, modelWrapPoint);

  async function callModel(call: ModelCall): Promise<ModelResult> {
    // The last gate: nothing Bedrock's rules refuse leaves the agent, whatever a middleware changed.
    const problem = checkRequest(call.request);
    if (problem) {
      throw new ConversationValidationError(`The request of model call ${call.step} was not sent: ${problem} (A middleware that changes the request must keep it valid.)`, 0);
    }
    const options = { signal: call.signal };
    return call.streaming
      ? ModelResult.fromEvents(await model.converseStream(call.request, options))
      : ModelResult.fromResponse(await model.converse(call.request, options));
  }
}

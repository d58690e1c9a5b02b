import { checkRequest } from "../conversation/request-rules.js";
import { ConversationValidationError } from "../errors/conversation-error.js";
import { MiddlewareError } from "../errors/middleware-error.js";
import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import type { Model, ModelRequest, ModelResponse } from "../model/model.js";
import type { ModelCall, ModelMiddleware, ModelNextOptions } from "./model-middleware.js";
import { ModelResult } from "./model-result.js";

/** A layer of the onion: gets the call and `next`, returns what `next` gave it (or its own answer). */
export type Layer<Call, Args extends unknown[], Result> = (
  call: Call,
  next: (...args: Args) => Promise<Result>,
) => Promise<Result> | Result;

/** How one wrap point plugs into `compose`. */
export interface WrapPoint<Call, Args extends unknown[], Result> {
  /** e.g. "model" or "tool", used in error messages. */
  kind: string;
  /** The call the next layer sees when a layer passes arguments to `next` (not called when it passes none). */
  rebind(call: Call, ...args: Args): Call;
  /** Checks what a layer returned. */
  isResult(value: unknown): value is Result;
  /** What a layer should return instead, for the error message. */
  expected: string;
  /**
   * Called on what the inner layers returned before `next()` hands it to a layer, e.g. to read a
   * non-streaming model result to its end so that its failure rejects `next()` itself.
   */
  settle?(call: Call, result: Result): Promise<Result>;
}

/**
 * Composes middleware into one function, first layer outermost (the onion). Each layer may
 * call `next` any number of times one after another (a retry), or not at all (a short-circuit).
 * The contract is checked: returning nothing, returning before a started `next()` settles, or
 * calling `next()` while it is still running fails with a `MiddlewareError`.
 *
 * @example
 * const run = compose(layers, (call) => callModel(call), modelWrapPoint);
 * const result = await run(call);
 */
export function compose<Call, Args extends unknown[], Result>(
  layers: ReadonlyArray<Layer<Call, Args, Result>>,
  terminal: (call: Call) => Promise<Result>,
  point: WrapPoint<Call, Args, Result>,
): (call: Call) => Promise<Result> {
  // Without layers there is nothing to check: the call goes straight to the terminal.
  if (layers.length === 0) return terminal;
  return function composed(call) {
    return dispatch(0, call);
  };

  async function dispatch(index: number, call: Call): Promise<Result> {
    const layer = layers[index];
    if (!layer) return terminal(call);
    let running = false;
    const next = (...args: Args): Promise<Result> => {
      if (running) {
        throw new MiddlewareError(
          `${describe(layer, index, point.kind)} called next() while its previous next() was still running. ` +
            "Await each next() before calling it again.",
        );
      }
      running = true;
      const inner = args.length === 0 ? call : point.rebind(call, ...args);
      const reached = dispatch(index + 1, inner);
      const downstream = point.settle ? reached.then((result) => point.settle!(inner, result)) : reached;
      downstream.then(
        () => (running = false),
        () => (running = false),
      );
      return downstream;
    };
    const result = await layer(call, next);
    if (running) {
      throw new MiddlewareError(
        `${describe(layer, index, point.kind)} returned before the promise from next() settled. ` +
          "Await next() (or return it) instead of leaving it running.",
      );
    }
    if (!point.isResult(result)) {
      throw new MiddlewareError(
        `${describe(layer, index, point.kind)} returned ${result === undefined ? "nothing" : typeof result}. ` +
          `Return ${point.expected}.`,
      );
    }
    return result;
  }
}

function describe(layer: Function, index: number, kind: string): string {
  return `The ${kind} middleware ${layer.name ? `"${layer.name}"` : "(anonymous)"} at position ${index}`;
}

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
  if (middleware.length > 0) return compose(middleware, modelTerminal(model), modelWrapPoint);
  // Without middleware the pipeline is the terminal alone, one per model: agents built per request share it.
  let terminal = terminals.get(model);
  if (!terminal) terminals.set(model, (terminal = modelTerminal(model)));
  return terminal;
}

const terminals = new WeakMap<Model, (call: ModelCall) => Promise<ModelResult>>();

/** The innermost layer of a model pipeline: the request's last check, then the model itself. */
function modelTerminal(model: Model): (call: ModelCall) => Promise<ModelResult> {
  return callModel;

  // Not async: every model call passes here, and one `then` costs less than an async frame and its await.
  function callModel(call: ModelCall): Promise<ModelResult> {
    try {
      // The last gate: nothing Bedrock's rules refuse leaves the agent, whatever a middleware changed.
      const problem = checkRequest(call.request);
      if (problem) {
        throw new ConversationValidationError(`The request of model call ${call.step} was not sent: ${problem} (A middleware that changes the request must keep it valid.)`, 0);
      }
      const options = { signal: call.signal };
      // Promise.resolve: a custom Model may answer with a plain value or another thenable (a native promise comes back as it is).
      return call.streaming
        ? Promise.resolve(model.converseStream(call.request, options)).then(resultOfEvents)
        : Promise.resolve(model.converse(call.request, options)).then(resultOfResponse);
    } catch (error) {
      return Promise.reject(error);
    }
  }
}

const resultOfEvents = (events: AsyncIterable<ConverseStreamOutput>): ModelResult => ModelResult.fromEvents(events);
const resultOfResponse = (response: ModelResponse): ModelResult => ModelResult.fromResponse(response);

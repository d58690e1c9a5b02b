import { ConfigurationError, ModelResult, type MiddlewareObject, type ModelCall, type ModelNext, type ModelRequest, type ModelResponse } from "@sluice/core";
import { ContextOverflowError } from "../errors/context-overflow-error.js";
import { booleanOption, checkOptions, functionOption } from "../shared/options.js";
import { recoverableStream } from "../shared/recoverable-stream.js";
import type { ConversationManager } from "./conversation-manager.js";
import { contextWindowExceededStopReason, isContextOverflowError } from "./is-context-overflow.js";
import { slidingWindowManager } from "./sliding-window-manager.js";

/** What `onReduce` is told when a request was reduced. */
export interface ContextReducedEvent {
  modelId: string;
  manager: string;
  /** Why: the model refused the request, or it stopped with `model_context_window_exceeded`. */
  reason: "error" | "stop-reason";
  originalMessageCount: number;
  reducedMessageCount: number;
}

declare module "@sluice/core" {
  interface ModelCallState {
    /** Set by the context-overflow middleware when it sent a reduced request. */
    contextReduced?: ContextReducedEvent;
  }
}

/** Options of `contextOverflowMiddleware`. */
export interface ContextOverflowOptions {
  /** How to shorten the conversation. Default `slidingWindowManager()`. */
  manager?: ConversationManager;
  /** Also recover a non-streaming answer that stopped with `model_context_window_exceeded`. Default true. */
  recoverStopReason?: boolean;
  onReduce?: (event: ContextReducedEvent) => void;
}

const owner = "contextOverflowMiddleware";

/**
 * Recovers from a conversation that outgrew the model's context window: when Bedrock refuses
 * the request as too long ("Input is too long for requested model", "prompt is too long: …",
 * also as a frame before anything was streamed), or a non-streaming answer stops with
 * `model_context_window_exceeded`, it lets the conversation manager shorten the request's
 * messages and sends it once more. A second overflow fails with `ContextOverflowError`. The
 * agent's stored conversation keeps every message; only what is sent is reduced.
 *
 * @example
 * new Agent({ modelId, middleware: [contextOverflowMiddleware({ manager: slidingWindowManager({ maxMessages: 30 }) })] });
 */
export function contextOverflowMiddleware(options: ContextOverflowOptions = {}): MiddlewareObject {
  checkOptions(owner, options, ["manager", "recoverStopReason", "onReduce"]);
  const manager = options.manager ?? slidingWindowManager();
  if (typeof manager !== "object" || manager === null || typeof manager.reduce !== "function") {
    throw new ConfigurationError(`${owner}: manager must be a ConversationManager with a reduce(messages, options) method, e.g. slidingWindowManager().`);
  }
  const recoverStopReason = booleanOption(owner, "recoverStopReason", options.recoverStopReason) ?? true;
  const onReduce = functionOption<(event: ContextReducedEvent) => void>(owner, "onReduce", options.onReduce);

  async function contextOverflow(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const original = call.request.messages ?? [];
    let reducedCount: number | undefined;
    const complete = async (request: ModelRequest): Promise<ModelResponse> => (await next(request)).response();

    const tooLong = (cause: unknown) =>
      new ContextOverflowError(
        reducedCount === undefined
          ? `The conversation (${original.length} messages) does not fit the context window of ${call.request.modelId}.`
          : `The conversation does not fit the context window of ${call.request.modelId} even after ${manager.name} reduced it from ${original.length} to ${reducedCount} messages.`,
        { cause, originalMessageCount: original.length, ...(reducedCount !== undefined && { reducedMessageCount: reducedCount }) },
      );

    /** Reduces the messages and sends the request once more; a second overflow is final. */
    const retryReduced = async (cause: unknown, reason: ContextReducedEvent["reason"]): Promise<ModelResult> => {
      if (reducedCount !== undefined) throw tooLong(cause);
      let messages;
      try {
        messages = await manager.reduce(original, { mustShrink: true, request: call.request, signal: call.signal, complete });
      } catch (error) {
        // The manager cannot shorten the conversation any further: report it with Bedrock's error as the cause.
        if (ContextOverflowError.isInstance(error) && error.cause === undefined) {
          throw new ContextOverflowError(error.message, { cause, originalMessageCount: original.length });
        }
        throw error;
      }
      reducedCount = messages.length;
      const event: ContextReducedEvent = {
        modelId: call.request.modelId,
        manager: manager.name,
        reason,
        originalMessageCount: original.length,
        reducedMessageCount: messages.length,
      };
      call.state.contextReduced = event;
      onReduce?.(event);
      try {
        return await next({ ...call.request, messages });
      } catch (error) {
        throw isContextOverflowError(error) ? tooLong(error) : error;
      }
    };

    let result: ModelResult;
    try {
      result = await next();
    } catch (error) {
      if (!isContextOverflowError(error)) throw error;
      result = await retryReduced(error, "error");
    }
    // A complete answer (a non-streaming call) can still be asked again when it stopped for lack of room.
    if (result.complete) {
      if (recoverStopReason && reducedCount === undefined && (await result.response()).stopReason === contextWindowExceededStopReason) {
        return retryReduced(undefined, "stop-reason");
      }
      return result;
    }
    return recoverableStream(result, {
      beforeOutput: async (error) => (isContextOverflowError(error) ? retryReduced(error, "error") : undefined),
    });
  }

  return { name: "context-overflow", model: contextOverflow };
}

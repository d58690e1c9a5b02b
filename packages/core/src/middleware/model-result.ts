import type { ConverseStreamOutput } from "@aws-sdk/client-bedrock-runtime";
import { MiddlewareError } from "../errors/middleware-error.js";
import { ModelOutputError } from "../errors/model-output-error.js";
import type { ModelResponse } from "../model/model.js";
import { ResponseAssembler } from "../model/response-assembler.js";
import { responseToEvents } from "../model/response-events.js";

const marker = Symbol.for("sluice.model-result");
/** Reads a result's response without a promise (see `completedResponse`); not part of the API. */
const completedKey = Symbol("sluice.completedResponse");

/** Callbacks for observing a result without buffering a stream. */
export interface ModelResultObserver {
  /** Called for every event as it passes, before the caller sees it. */
  onEvent?(event: ConverseStreamOutput): void;
  /** Called once with the complete response after the last event. */
  onResponse?(response: ModelResponse): void;
  /** Called if the call fails (or `onResponse` throws); the error still reaches the caller. */
  onError?(error: unknown): void;
  /** Called if the caller stops reading the stream before its end (no response, no error). */
  onAbandon?(): void;
}

/**
 * What a model call returns through the middleware pipeline, for streaming and non-streaming
 * calls alike: an async iterable of ConverseStream events that also yields the complete
 * response. A non-streaming call holds the response and only produces events when someone
 * iterates; a streaming call assembles the response from its events.
 *
 * Consume it once: iterate it, or `await result.response()` (which buffers the events so the
 * result can still be iterated afterwards, for example by a caching middleware).
 *
 * @example
 * const logging: ModelMiddleware = async (call, next) =>
 *   (await next()).observe({ onResponse: (response) => console.log(response.usage) });
 */
export class ModelResult implements AsyncIterable<ConverseStreamOutput> {
  // Bundling renames a class that names itself in its body (to _ModelResult); errors and logs report this name.
  static {
    Object.defineProperty(this, "name", { value: "ModelResult" });
  }

  private readonly [marker] = true;
  private readonly source: AsyncIterable<ConverseStreamOutput> | undefined;
  /** Set when this result passes another's events on unchanged: its response is that one's. */
  private readonly origin: ModelResult | undefined;
  private completed: ModelResponse | undefined;
  private buffered: ConverseStreamOutput[] | undefined;
  private started = false;
  /** Settles when a stream ends; a result made with its response needs none. */
  private readonly done: Promise<ModelResponse> | undefined;
  private resolveDone: ((response: ModelResponse) => void) | undefined;
  private rejectDone: ((error: unknown) => void) | undefined;

  private constructor(source: AsyncIterable<ConverseStreamOutput> | undefined, response: ModelResponse | undefined, origin?: ModelResult) {
    this.source = source;
    this.origin = origin;
    this.completed = response;
    if (response) return;
    this.done = new Promise<ModelResponse>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // The caller may never ask for the response; do not report its failure as unhandled.
    this.done.catch(() => undefined);
  }

  /**
   * A result that already holds the complete response (a non-streaming call, or a cache hit).
   * Iterated, it yields `events` when given (e.g. the stream it was recorded from), else events
   * made from the response.
   */
  static fromResponse(response: ModelResponse, events?: readonly ConverseStreamOutput[]): ModelResult {
    const result = new ModelResult(undefined, response);
    if (events) result.buffered = [...events];
    return result;
  }

  /** A result whose response is assembled from a ConverseStream event sequence. */
  static fromEvents(events: AsyncIterable<ConverseStreamOutput> | Iterable<ConverseStreamOutput>): ModelResult {
    return new ModelResult(toAsyncIterable(events), undefined);
  }

  /**
   * True once the complete response is known: always for `fromResponse`, and for a non-streaming
   * call's result as `next()` hands it over; for a stream, once it was read to its end.
   */
  get complete(): boolean {
    return this.completed !== undefined;
  }

  /** @internal The complete response when already known (see `completedResponse`). */
  get [completedKey](): ModelResponse | undefined {
    return this.completed;
  }

  static isInstance(value: unknown): value is ModelResult {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  /** The complete response. On a stream nobody iterates yet, this reads (and buffers) every event. */
  async response(): Promise<ModelResponse> {
    if (this.completed) return this.completed;
    if (!this.started) {
      const buffered: ConverseStreamOutput[] = [];
      for await (const event of { [Symbol.asyncIterator]: () => this.events() }) buffered.push(event);
      this.buffered = buffered;
    }
    return this.done as Promise<ModelResponse>;
  }

  [Symbol.asyncIterator](): AsyncIterator<ConverseStreamOutput> {
    if (this.buffered) {
      const events = this.buffered;
      this.buffered = undefined;
      return toAsyncIterable(events)[Symbol.asyncIterator]();
    }
    if (this.started) {
      throw new MiddlewareError(
        "A ModelResult can be consumed once. To read it in a middleware and still pass it on, call " +
          "`await result.response()` (which buffers it), or use `result.observe(...)` / `result.mapEvents(...)`.",
      );
    }
    if (this.completed && !this.source) {
      this.started = true;
      return toAsyncIterable(responseToEvents(this.completed))[Symbol.asyncIterator]();
    }
    return this.events();
  }

  /**
   * Reads the source once, passing each event on and assembling the response (or, for an
   * observed result, taking upstream's). A plain iterator rather than an async generator: one
   * promise per event, on the path of every streamed token.
   */
  private events(): AsyncIterator<ConverseStreamOutput> {
    this.started = true;
    const source = this.source;
    if (!source) return { next: () => Promise.resolve({ done: true, value: undefined }) };
    const events = source[Symbol.asyncIterator]();
    // An observed result takes its response from upstream; only a raw stream needs assembling.
    const assembler = this.origin ? undefined : new ResponseAssembler();
    let settled = false;
    const fail = (error: unknown): never => {
      if (!settled) {
        settled = true;
        this.rejectDone?.(error);
      }
      throw error;
    };
    const complete = async (): Promise<IteratorResult<ConverseStreamOutput>> => {
      let response: ModelResponse;
      try {
        if (!assembler) {
          response = await this.origin!.response();
        } else if (!assembler.stopped) {
          throw new ModelOutputError(
            "The model's stream ended without messageStop, so its answer may be cut off; it was not kept. Sending the same input again asks the model anew.",
          );
        } else {
          response = assembler.finish();
        }
      } catch (error) {
        return fail(error);
      }
      this.completed = response;
      settled = true;
      this.resolveDone?.(response);
      return { done: true, value: undefined };
    };
    return {
      next: () => {
        if (settled) return Promise.resolve({ done: true, value: undefined });
        return events.next().then((step) => {
          if (step.done) return complete();
          try {
            assembler?.add(step.value);
          } catch (error) {
            return fail(error);
          }
          return step;
        }, fail);
      },
      return: (value?: unknown) => {
        // The consumer stopped iterating early: there is no complete response to report.
        if (!settled) {
          settled = true;
          this.rejectDone?.(new MiddlewareError("The stream was not read to the end, so it has no complete response."));
        }
        const done: IteratorResult<ConverseStreamOutput> = { done: true, value };
        return events.return ? events.return(value).then(() => done) : Promise.resolve(done);
      },
    };
  }

  /**
   * A result that passes every event through `transform`; return the event (changed or not),
   * several events, or `undefined` to drop it. The response is assembled from the transformed events.
   */
  mapEvents(
    transform: (event: ConverseStreamOutput) => ConverseStreamOutput | ConverseStreamOutput[] | undefined,
  ): ModelResult {
    const upstream = this;
    return ModelResult.fromEvents(
      (async function* mapped() {
        for await (const event of upstream) {
          const output = transform(event);
          if (output === undefined) continue;
          if (Array.isArray(output)) yield* output;
          else yield output;
        }
      })(),
    );
  }

  /**
   * A result that reports events, the final response, a failure or an abandoned stream to
   * `observer` without buffering; each call ends exactly one way. An `onResponse` that throws
   * fails the call (and is reported to `onError`).
   */
  observe(observer: ModelResultObserver): ModelResult {
    if (this.completed && !this.source && !observer.onEvent) {
      try {
        observer.onResponse?.(this.completed);
      } catch (error) {
        observer.onError?.(error);
        return ModelResult.failed(error);
      }
      return this;
    }
    const upstream = this;
    return new ModelResult(
      (async function* observed() {
        let ended = false;
        try {
          for await (const event of upstream) {
            observer.onEvent?.(event);
            yield event;
          }
          ended = true;
          // Iterating the upstream to its end assembled its response already.
          observer.onResponse?.(await upstream.response());
        } catch (error) {
          ended = true;
          observer.onError?.(error);
          throw error;
        } finally {
          if (!ended) observer.onAbandon?.();
        }
      })(),
      undefined,
      upstream,
    );
  }

  /**
   * Awaits a model call (`next()`) and observes its result; a call that rejects is reported to
   * `onError` too. So a middleware reports how every call ended in one place.
   *
   * @example
   * return ModelResult.observeCall(next(), { onResponse: log, onError: log, onAbandon: () => log("abandoned") });
   */
  static async observeCall(pending: Promise<ModelResult>, observer: ModelResultObserver): Promise<ModelResult> {
    let result: ModelResult;
    try {
      result = await pending;
    } catch (error) {
      observer.onError?.(error);
      throw error;
    }
    return result.observe(observer);
  }

  private static failed(error: unknown): ModelResult {
    return ModelResult.fromEvents(
      (async function* failing(): AsyncGenerator<ConverseStreamOutput> {
        throw error;
      })(),
    );
  }
}

function toAsyncIterable<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterable<T> {
  if (Symbol.asyncIterator in source) return source;
  return (async function* fromSync() {
    yield* source;
  })();
}

/**
 * The response of a result that already holds it (a non-streaming call, a cache hit), without
 * the promise `response()` makes: the agent reads every model answer through here first.
 */
export function completedResponse(result: ModelResult): ModelResponse | undefined {
  return result[completedKey];
}

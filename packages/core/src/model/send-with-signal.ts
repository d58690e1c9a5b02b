import { canAbort } from "../agent/never-aborted-signal.js";
import { AbortError } from "../errors/abort-error.js";
import { BedrockError } from "../errors/bedrock-error.js";

/**
 * An SDK failure as Sluice reports it (every `Model` over the AWS SDK follows this rule): an
 * `AbortError` when the caller's signal aborted, a `BedrockError` for a service exception,
 * anything else unchanged. `what` names the call in the abort message.
 *
 * @example
 * catch (error) { throw translateSendError(error, signal, true); }
 */
export function translateSendError(error: unknown, signal: AbortSignal | undefined, inStream: boolean, what = "model call"): unknown {
  if (signal?.aborted) return new AbortError(`The ${what} was aborted; the HTTP request was cancelled.`, { cause: error });
  return BedrockError.fromSdkError(error, inStream);
}

/**
 * Sends one request with the caller's signal (left out when it can never abort, which spares the
 * HTTP layer an abort listener per call); a failure comes out as `translateSendError` makes it.
 * A plain function over the SDK's promise rather than an `async` one: every model call passes
 * through it, and an async frame with its await costs more than one `then`.
 *
 * @example
 * const output = await sendWithSignal(signal, (options) => client.send(command, options));
 */
export function sendWithSignal<Output>(
  signal: AbortSignal | undefined,
  send: (options: { abortSignal?: AbortSignal }) => Promise<Output>,
  what?: string,
): Promise<Output> {
  const translate = (error: unknown): never => {
    throw translateSendError(error, signal, false, what);
  };
  try {
    return send(canAbort(signal) ? { abortSignal: signal } : {}).then(undefined, translate);
  } catch (error) {
    return Promise.reject(translateSendError(error, signal, false, what));
  }
}

/**
 * The events of a response stream, with a failure inside it coming out as `translateSendError`
 * makes it. A plain iterator rather than an async generator: one promise per event instead of a
 * generator's resumption, on the path of every streamed token.
 *
 * @example
 * return eventsTranslatingErrors(output.stream, options.signal);
 */
export function eventsTranslatingErrors<Event>(stream: AsyncIterable<Event> | undefined, signal: AbortSignal | undefined): AsyncIterable<Event> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<Event> {
      if (!stream) return { next: () => Promise.resolve({ done: true, value: undefined }) };
      const events = stream[Symbol.asyncIterator]();
      const translate = (error: unknown): never => {
        throw translateSendError(error, signal, true);
      };
      return {
        next: () => events.next().then(undefined, translate),
        return: (value?: unknown) => (events.return ? events.return(value).then(undefined, translate) : Promise.resolve({ done: true as const, value: value as Event })),
      };
    },
  };
}

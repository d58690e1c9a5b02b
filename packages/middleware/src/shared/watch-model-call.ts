import { ModelResult, type ConverseStreamOutput, type ModelResponse } from "@sluice/core";

/** How a watched model call can end; each call ends exactly one way. */
export interface ModelCallWatcher {
  /** Every streamed event as it passes, before the caller sees it (streamed calls only). */
  event?(event: ConverseStreamOutput): void;
  /** The call answered; for a stream, after its last event reached the caller. */
  finished(response: ModelResponse): void;
  /** The call failed, before answering or midway through its stream. The error still reaches the caller. */
  failed(error: unknown): void;
  /** The caller stopped reading the stream before its end. */
  abandoned(): void;
}

/**
 * Calls `next` and tells `watcher` how the model call ended. A non-streamed result is read to
 * its response before it is returned; a streamed one is passed on event by event, and its end is
 * reported when the caller reaches it (or fails there, or stops reading). Unlike
 * `ModelResult.observe`, an abandoned stream is reported too, and a `finished` callback that
 * throws counts as a failure.
 *
 * @example
 * return watchModelCall(call.streaming, next, { finished: (response) => log(response.usage), failed: log, abandoned: () => log("abandoned") });
 */
export async function watchModelCall(streaming: boolean, next: () => Promise<ModelResult>, watcher: ModelCallWatcher): Promise<ModelResult> {
  let result: ModelResult;
  try {
    result = await next();
    if (!streaming) {
      watcher.finished(await result.response());
      return result;
    }
  } catch (error) {
    watcher.failed(error);
    throw error;
  }
  const upstream = result;
  return ModelResult.fromEvents(
    (async function* watched(): AsyncGenerator<ConverseStreamOutput> {
      let ended = false;
      try {
        for await (const event of upstream) {
          watcher.event?.(event);
          yield event;
        }
        ended = true;
        watcher.finished(await upstream.response());
      } catch (error) {
        ended = true;
        watcher.failed(error);
        throw error;
      } finally {
        if (!ended) watcher.abandoned();
      }
    })(),
  );
}

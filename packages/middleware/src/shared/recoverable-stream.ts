import { ModelResult, type ConverseStreamOutput } from "@sluice/core";
import { isOutputEvent } from "./output-events.js";

/** What to do when the stream in hand fails. */
export interface StreamRecovery {
  /**
   * Called when the stream fails before any part of the answer reached the caller. Return a
   * fresh result to continue from (e.g. from `next()` again), or undefined to let the error out.
   * `attempt` counts the streams tried so far (1 for the first).
   */
  beforeOutput(error: unknown, attempt: number): Promise<ModelResult | undefined>;
  /** Called when the stream fails after output was delivered; returns the error to throw. */
  afterOutput?(error: unknown, attempt: number): unknown;
}

/**
 * Wraps a streaming result so that a failure before the first content event can be replaced
 * by another stream, invisibly to the caller: the leading events (`messageStart`) are held
 * back until the first content event, so nothing is ever shown twice. Once content has been
 * delivered, failures go through `afterOutput`.
 *
 * @example
 * return recoverableStream(await next(), { beforeOutput: async (error) => (isTransient(error) ? next() : undefined) });
 */
export function recoverableStream(first: ModelResult, recovery: StreamRecovery): ModelResult {
  if (first.complete) return first; // nothing left to fail
  return ModelResult.fromEvents(
    (async function* recoverable(): AsyncGenerator<ConverseStreamOutput> {
      let current = first;
      for (let attempt = 1; ; attempt += 1) {
        const held: ConverseStreamOutput[] = [];
        let delivered = false;
        try {
          for await (const event of current) {
            if (!delivered) {
              if (!isOutputEvent(event)) {
                held.push(event);
                continue;
              }
              delivered = true;
              for (const early of held) yield early;
            }
            yield event;
          }
          // An answer without content blocks: release what was held.
          if (!delivered) for (const early of held) yield early;
          return;
        } catch (error) {
          if (delivered) throw recovery.afterOutput ? recovery.afterOutput(error, attempt) : error;
          const replacement = await recovery.beforeOutput(error, attempt);
          if (!replacement) throw error;
          current = replacement;
        }
      }
    })(),
  );
}

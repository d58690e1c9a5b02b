import { SluiceError } from "./sluice-error.js";

/**
 * The call was cancelled through its `AbortSignal`. The HTTP request was cancelled with it and
 * the conversation was rolled back to its state before the turn.
 *
 * @example
 * const controller = new AbortController();
 * const pending = agent.send("hi", { signal: controller.signal });
 * controller.abort(); // pending rejects with AbortError
 */
export class AbortError extends SluiceError {
  constructor(message = "The operation was aborted.", options: { cause?: unknown } = {}) {
    super("aborted", message, options);
  }
}

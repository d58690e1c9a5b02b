import { AbortError, SluiceError } from "@sluice/core";

/**
 * The workflow run was aborted through its signal. Every running step was cancelled (agents
 * roll their turn back, so their conversations stay valid); `path` names a step that was running.
 * It is an `AbortError` (code `aborted`), so `AbortError.isInstance` recognises it too.
 *
 * @example
 * const controller = new AbortController();
 * const running = flow.run(input, { signal: controller.signal });
 * controller.abort(); // running rejects with WorkflowAbortError
 */
export class WorkflowAbortError extends AbortError {
  /** A step that was running when the run was aborted (the workflow's name if none was). */
  readonly path: string;

  constructor(path: string, options: { cause?: unknown } = {}) {
    super(`The workflow run was aborted (at "${path}").`, options);
    this.path = path;
  }
}

import type { RunContext, ServiceResolver } from "./run-context.js";
import type { ToolContext } from "../tools/agent-tool.js";

/**
 * The `ToolContext` one tool call gets. Its `signal` is made when the tool first reads it (most
 * tools never do) by a getter on the class. Not an object literal with `get signal()`: V8 gives
 * each such literal a map of its own that points at the call's closure, and the young-generation
 * collector keeps everything such a map reaches alive until a full collection, so every tool
 * call's objects were promoted (about 10 µs of collection per agent run in `bench/`).
 *
 * Being a getter of the class, `signal` is not copied by `{ ...context }`: pass it on by name.
 */
export class ToolCallContext implements ToolContext {
  readonly #runSignal: AbortSignal;
  #controller: AbortController | undefined;
  /** Why the call was aborted before the tool read its signal (the signal is then made aborted). */
  #abortReason: { reason: unknown } | undefined;

  constructor(
    runSignal: AbortSignal,
    readonly toolUseId: string,
    readonly step: number,
    readonly runId: string,
    readonly context: RunContext,
    readonly resolve: ServiceResolver,
  ) {
    this.#runSignal = runSignal;
  }

  /** Aborted when the run is aborted or the tool's timeout passes. */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#abortReason) this.#controller.abort(this.#abortReason.reason);
      else if (this.#runSignal.aborted) this.#controller.abort(this.#runSignal.reason);
    }
    return this.#controller.signal;
  }

  /** Aborts the tool's signal with `reason` (the first reason wins), now or when the tool reads it. */
  abort(reason: unknown): void {
    if (this.#controller) this.#controller.abort(reason);
    else this.#abortReason ??= { reason };
  }
}

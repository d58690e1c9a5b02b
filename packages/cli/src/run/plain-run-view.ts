import type { Writable } from "node:stream";
import type { WorkflowEvent } from "@sluice/workflows";
import { createColors } from "picocolors";
import { formatDuration, type RunProgress } from "./run-progress.js";

/**
 * `sluice run` when stdout is not a terminal: one plain line per step event (`▶ path`,
 * `✓ path (1.2 s, 84 tokens)`, `✗ path: error`, `⏸ path: reason`), or one JSON object per event
 * with `json`.
 *
 * @example
 * const view = new PlainRunView(process.stdout, { json: false, color: false });
 * view.show(event, progress);
 */
export class PlainRunView {
  private readonly colors: ReturnType<typeof createColors>;

  constructor(
    private readonly out: Writable,
    private readonly options: { json: boolean; color: boolean },
  ) {
    this.colors = createColors(options.color);
  }

  show(event: WorkflowEvent, progress: RunProgress): void {
    if (this.options.json) {
      if (event.type !== "agent-event" || event.event.type !== "text-delta") this.out.write(`${JSON.stringify(jsonEvent(event))}\n`);
      return;
    }
    const { colors } = this;
    switch (event.type) {
      case "step-start":
        this.out.write(colors.dim(`▶ ${event.path}\n`));
        return;
      case "step-finish": {
        const tokens = progress.steps.get(event.path)?.tokens ?? 0;
        const details = [event.replayed ? "replayed" : formatDuration(event.durationMs), ...(tokens > 0 ? [`${tokens} tokens`] : [])];
        this.out.write(colors.green(`✓ ${event.path} (${details.join(", ")})\n`));
        return;
      }
      case "step-fail":
        this.out.write(colors.red(`✗ ${event.path}: ${event.error instanceof Error ? event.error.message : String(event.error)}\n`));
        return;
      case "step-pause":
        this.out.write(colors.yellow(`⏸ ${event.path}: waiting for ${event.pending.map((pending) => pending.reason).join(", ")}\n`));
        return;
      default:
        return;
    }
  }

  /** Nothing to tidy: every line is already written. */
  stop(): void {}
}

/** An event as one JSON line: errors as their name, code, path and message. */
function jsonEvent(event: WorkflowEvent): unknown {
  if (event.type === "step-fail") {
    const error = event.error as { name?: string; code?: string; path?: string; message?: string };
    return { ...event, error: { name: error?.name, code: error?.code, path: error?.path, message: error?.message } };
  }
  if (event.type === "workflow-finish") return { type: event.type, status: event.result.status, runId: event.result.runId, usage: event.result.usage };
  return event;
}

import type { WorkflowEvent, WorkflowStepKind } from "@sluice/workflows";

/** One step as the progress view shows it. */
export interface StepLine {
  path: string;
  kind: WorkflowStepKind;
  status: "running" | "done" | "failed" | "paused";
  startedAt: number;
  durationMs?: number;
  tokens: number;
  replayed: boolean;
  /** The last text an agent in the step wrote (one line), while it runs. */
  activity?: string;
}

/**
 * The state of a workflow run as the `sluice run` views need it, updated event by event: the
 * steps in the order they started, tokens so far, and when it began.
 *
 * @example
 * const progress = new RunProgress(Date.now());
 * for await (const event of flow.stream(input)) progress.apply(event);
 */
export class RunProgress {
  readonly steps = new Map<string, StepLine>();
  tokens = 0;

  constructor(readonly startedAt: number) {}

  /** Counts of leaf steps (function, agent, tool) by status. */
  counts(): { running: number; done: number; failed: number; paused: number } {
    const counts = { running: 0, done: 0, failed: 0, paused: 0 };
    for (const line of this.steps.values()) if (isLeaf(line.kind)) counts[line.status] += 1;
    return counts;
  }

  apply(event: WorkflowEvent, now = Date.now()): StepLine | undefined {
    switch (event.type) {
      case "step-start": {
        const line: StepLine = { path: event.path, kind: event.kind, status: "running", startedAt: now, tokens: 0, replayed: false };
        this.steps.set(event.path, line);
        return line;
      }
      case "step-finish":
        return this.end(event.path, "done", event.durationMs, (line) => {
          line.replayed = event.replayed;
          // Replayed steps' tokens were not spent in this run; live steps' arrived through their agents' events.
          if (event.usage && line.tokens === 0 && !event.replayed) {
            line.tokens = event.usage.totalTokens;
            this.tokens += event.usage.totalTokens;
          }
        });
      case "step-fail":
        return this.end(event.path, "failed", event.durationMs);
      case "step-pause":
        return this.end(event.path, "paused", now - (this.steps.get(event.path)?.startedAt ?? now));
      case "agent-event": {
        const line = this.steps.get(event.path);
        const inner = event.event;
        if (inner.type === "step-finish") {
          const total = inner.usage?.totalTokens ?? 0;
          this.tokens += total;
          if (line) line.tokens += total;
        } else if (line && inner.type === "text-delta") {
          line.activity = lastLine(`${line.activity ?? ""}${inner.text}`);
        } else if (line && inner.type === "tool-use-complete") {
          line.activity = `→ ${inner.name}`;
        }
        return line;
      }
      default:
        return undefined;
    }
  }

  private end(path: string, status: StepLine["status"], durationMs: number, more?: (line: StepLine) => void): StepLine | undefined {
    const line = this.steps.get(path);
    if (!line) return undefined;
    line.status = status;
    line.durationMs = durationMs;
    delete line.activity;
    more?.(line);
    return line;
  }
}

/** Function, agent and tool steps: the ones counted as work done. */
export function isLeaf(kind: WorkflowStepKind): boolean {
  return kind === "function" || kind === "agent" || kind === "tool";
}

function lastLine(text: string): string {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return (lines.at(-1) ?? "").slice(-200);
}

/** `1.2 s`, `850 ms`. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

import { clearScreenDown, moveCursor } from "node:readline";
import type { WriteStream } from "node:tty";
import { stripVTControlCharacters } from "node:util";
import type { WorkflowEvent } from "@sluice/workflows";
import { createColors } from "picocolors";
import { formatDuration, isLeaf, type RunProgress, type StepLine } from "./run-progress.js";

const spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
/** Most step lines on screen; older finished ones scroll out of the view. */
const visibleSteps = 16;

/**
 * `sluice run` in a terminal: a view redrawn in place — one line per step (running with a
 * spinner and the agent's latest words, done with its time and tokens, failed, paused), and a
 * header with the steps done, tokens so far and the elapsed time.
 *
 * @example
 * const view = new LiveRunView(process.stdout, { color: true, title: "article" });
 * view.show(event, progress); // … view.stop() before printing the summary
 */
export class LiveRunView {
  private readonly colors: ReturnType<typeof createColors>;
  private drawnLines = 0;
  private frame = 0;
  private progress: RunProgress | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly out: WriteStream,
    private readonly options: { color: boolean; title: string },
  ) {
    this.colors = createColors(options.color);
    // Redraws the spinner and elapsed time even while no event arrives.
    this.timer = setInterval(() => {
      this.frame += 1;
      this.draw();
    }, 100);
    this.timer.unref();
  }

  show(_event: WorkflowEvent, progress: RunProgress): void {
    this.progress = progress;
    this.draw();
  }

  /** Draws the final state and leaves it on screen. */
  stop(): void {
    clearInterval(this.timer);
    this.draw();
  }

  private draw(): void {
    const progress = this.progress;
    if (!progress) return;
    const width = Math.max(20, (this.out.columns ?? 80) - 1);
    const lines = this.render(progress).map((line) => clip(line, width));
    if (this.drawnLines > 0) {
      moveCursor(this.out, 0, -this.drawnLines);
      this.out.write("\r");
      clearScreenDown(this.out);
    }
    this.out.write(`${lines.join("\n")}\n`);
    this.drawnLines = lines.length;
  }

  private render(progress: RunProgress): string[] {
    const { colors } = this;
    const counts = progress.counts();
    const elapsed = formatDuration(Date.now() - progress.startedAt);
    const parts = [`${counts.done} done`, `${counts.running} running`, ...(counts.failed ? [`${counts.failed} failed`] : []), ...(counts.paused ? [`${counts.paused} paused`] : [])];
    const header = `${colors.bold(this.options.title)} — steps: ${parts.join(", ")} · ${progress.tokens.toLocaleString("en")} tokens · ${elapsed}`;
    const steps = [...progress.steps.values()].filter((line) => isLeaf(line.kind) || line.status !== "done");
    const shown = steps.slice(-visibleSteps);
    const hidden = steps.length - shown.length;
    return [header, ...(hidden > 0 ? [colors.dim(`  … ${hidden} earlier steps`)] : []), ...shown.map((line) => this.stepLine(line))];
  }

  private stepLine(line: StepLine): string {
    const { colors } = this;
    const tokens = line.tokens > 0 ? `, ${line.tokens} tokens` : "";
    switch (line.status) {
      case "running": {
        const activity = line.activity ? colors.dim(`  ${line.activity}`) : "";
        return `${colors.cyan(spinner[this.frame % spinner.length] as string)} ${line.path} ${colors.dim(`running ${formatDuration(Date.now() - line.startedAt)}`)}${activity}`;
      }
      case "done":
        return colors.green(`✓ ${line.path} (${line.replayed ? "replayed" : formatDuration(line.durationMs ?? 0)}${tokens})`);
      case "failed":
        return colors.red(`✗ ${line.path} (failed after ${formatDuration(line.durationMs ?? 0)})`);
      case "paused":
        return colors.yellow(`⏸ ${line.path} (paused)`);
    }
  }
}

/** Cuts a line to the terminal's width so a redraw never wraps (a cut line loses its colours). */
function clip(line: string, width: number): string {
  const plain = stripVTControlCharacters(line);
  return plain.length <= width ? line : `${plain.slice(0, width - 1)}…`;
}

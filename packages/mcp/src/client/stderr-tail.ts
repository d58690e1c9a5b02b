import type { Stream } from "node:stream";

/**
 * Keeps the last lines a child process wrote to stderr, so an error about the process can say
 * what it printed before it failed. Each complete line also goes to `onLine`.
 */
export class StderrTail {
  private lines: string[] = [];
  private partial = "";

  constructor(
    private readonly maxLines = 20,
    private readonly onLine?: (line: string) => void,
  ) {}

  attach(stream: Stream | null): void {
    stream?.on("data", (chunk: Buffer | string) => this.push(chunk.toString()));
  }

  push(text: string): void {
    const parts = (this.partial + text).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      if (line.trim() === "") continue;
      this.lines.push(line);
      this.onLine?.(line);
    }
    if (this.lines.length > this.maxLines) this.lines = this.lines.slice(-this.maxLines);
  }

  /** The kept lines (and any unfinished last line), or undefined when nothing was written. */
  text(): string | undefined {
    const all = this.partial.trim() === "" ? this.lines : [...this.lines, this.partial];
    return all.length === 0 ? undefined : all.join("\n");
  }
}

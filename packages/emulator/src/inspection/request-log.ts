import type { RecordedRequest } from "./recorded-request.js";

/**
 * Keeps the most recent requests (oldest dropped first beyond `capacity`), so a long benchmark
 * run does not grow memory without bound.
 *
 * @example
 * const log = new RequestLog(100);
 * log.all(); // []
 */
export class RequestLog {
  private entries: RecordedRequest[] = [];
  private sequence = 0;

  constructor(private readonly capacity: number) {}

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  add(entry: RecordedRequest): void {
    if (this.capacity <= 0) return;
    this.entries.push(entry);
    // Trim in batches so the array is not shifted on every request.
    if (this.entries.length > this.capacity * 1.25 + 8) this.entries = this.entries.slice(-this.capacity);
  }

  all(): readonly RecordedRequest[] {
    if (this.entries.length > this.capacity) this.entries = this.entries.slice(-this.capacity);
    return this.entries;
  }

  clear(): void {
    this.entries = [];
    this.sequence = 0;
  }
}

import { AgentBusyError } from "../errors/agent-errors.js";

/**
 * Serialises an agent's runs so two overlapping calls never interleave one conversation:
 * `queue` makes later calls wait their turn (first come, first served); `reject` fails them.
 */
export class RunQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private active = 0;

  constructor(private readonly mode: "queue" | "reject") {}

  get busy(): boolean {
    return this.active > 0;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    if (this.mode === "reject" && this.active > 0) return Promise.reject(new AgentBusyError());
    this.active += 1;
    const result = this.tail.then(task);
    const release = () => {
      this.active -= 1;
    };
    this.tail = result.then(release, release);
    return result;
  }
}

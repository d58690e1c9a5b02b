import { LRUCache } from "lru-cache";

/**
 * State kept for one agent run, keyed by the run's ID (`call.runId`, the same for every model
 * and tool call of one `send()` / `stream()` / `resume()`). The most recently used runs are
 * kept, up to `maxRuns`, so finished runs are forgotten without any cleanup while the runs in
 * progress stay.
 *
 * @example
 * const runs = new PerRun(() => ({ modelCalls: 0 }));
 * runs.get(call.runId).modelCalls += 1;
 */
export class PerRun<T extends object> {
  private readonly states: LRUCache<string, T>;

  constructor(
    private readonly create: () => T,
    maxRuns = 10_000,
  ) {
    this.states = new LRUCache<string, T>({ max: maxRuns });
  }

  get(runId: string): T {
    let state = this.states.get(runId);
    if (state === undefined) {
      state = this.create();
      this.states.set(runId, state);
    }
    return state;
  }
}

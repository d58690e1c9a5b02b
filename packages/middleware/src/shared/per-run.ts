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
  /**
   * In least recently used order (a Map iterates in insertion order, and a read re-inserts).
   * A plain Map rather than lru-cache, which allocates room for all `maxRuns` up front: about
   * 1 ms and 160 KB per middleware for the default 10,000.
   */
  private readonly states = new Map<string, T>();

  constructor(
    private readonly create: () => T,
    private readonly maxRuns = 10_000,
  ) {}

  get(runId: string): T {
    let state = this.states.get(runId);
    if (state === undefined) {
      state = this.create();
      if (this.states.size >= this.maxRuns) this.states.delete(this.states.keys().next().value as string);
    } else {
      this.states.delete(runId);
    }
    this.states.set(runId, state);
    return state;
  }
}

/**
 * State kept for one agent run, keyed by the run's abort signal. The agent gives every model
 * call and tool call of one `send()` / `stream()` / `resume()` the same `signal`, and a new
 * one to the next run, so the signal identifies the run; the map holds it weakly, so finished
 * runs are forgotten without any cleanup.
 *
 * @example
 * const runs = new PerRun(() => ({ modelCalls: 0 }));
 * runs.get(call.signal).modelCalls += 1;
 */
export class PerRun<T> {
  private readonly states = new WeakMap<AbortSignal, T>();

  constructor(private readonly create: () => T) {}

  get(signal: AbortSignal): T {
    let state = this.states.get(signal);
    if (state === undefined) {
      state = this.create();
      this.states.set(signal, state);
    }
    return state;
  }

  peek(signal: AbortSignal): T | undefined {
    return this.states.get(signal);
  }
}

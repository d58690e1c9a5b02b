import type { StepBody, StepExecution, StepExecutor, StepExecutorContext, StepPauseRecord, StepRecord } from "./step-executor.js";

/**
 * The default executor: a journal of step records in memory, keyed by step path. A step with a
 * `done` or `failed` record is replayed (its record returned, nothing run); a `paused` one runs
 * again, continuing from its pause, once every value it waits for was given to `resume`.
 *
 * @example
 * const executor = new InMemoryStepExecutor({ workflow: "report", runId: "r1", records: {}, values: {} });
 */
export class InMemoryStepExecutor implements StepExecutor {
  private readonly journal: Map<string, StepRecord>;
  private readonly values: Readonly<Record<string, unknown>>;

  constructor(context: Pick<StepExecutorContext, "records" | "values"> = { records: {}, values: {} }) {
    this.journal = new Map(Object.entries(context.records));
    this.values = context.values;
  }

  async execute(execution: StepExecution, body: StepBody): Promise<StepRecord> {
    const recorded = this.journal.get(execution.path);
    let record: StepRecord;
    if (recorded === undefined) {
      record = await body();
    } else if (recorded.status !== "paused") {
      return recorded;
    } else {
      const values = valuesFor(recorded.pause, this.values);
      if (values === undefined) return recorded;
      record = await body({ pause: recorded.pause, values });
    }
    this.journal.set(execution.path, record);
    return record;
  }

  records(): Record<string, StepRecord> {
    return Object.fromEntries(this.journal);
  }
}

/** The values for every pending item of a pause, or undefined while any is missing. */
function valuesFor(pause: StepPauseRecord, values: Readonly<Record<string, unknown>>): Record<string, unknown> | undefined {
  const chosen: Record<string, unknown> = {};
  for (const pending of pause.pending) {
    if (!Object.hasOwn(values, pending.id)) return undefined;
    chosen[pending.id] = values[pending.id];
  }
  return chosen;
}

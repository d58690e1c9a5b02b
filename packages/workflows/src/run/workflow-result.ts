import type { Usage } from "@sluice/core";
import type { PendingPause } from "./pending-pause.js";
import type { WorkflowState } from "./workflow-state.js";

/** What every workflow result has. */
interface WorkflowResultBase {
  runId: string;
  /** Tokens used by the run's agents (steps replayed from the journal included). */
  usage: Usage;
  /** The run as JSON, for `workflow.resume(state, values)` (a complete run's state replays to the same output). */
  state: WorkflowState;
}

/**
 * How a workflow run ended: `complete` with the workflow's output, or `paused` with what it
 * waits for. A failure rejects the run with a typed error instead.
 *
 * @example
 * const result = await flow.run(input);
 * if (result.status === "paused") for (const pending of result.pending) console.log(pending.path, pending.reason);
 * else console.log(result.output);
 */
export type WorkflowResult<Output> =
  | (WorkflowResultBase & { status: "complete"; output: Output })
  | (WorkflowResultBase & { status: "paused"; /** What the run waits for; give each a value in `resume`. */ pending: PendingPause[] });

/**
 * Something a paused workflow waits for: a step that called `context.pause(...)` (`kind: "step"`)
 * or a tool call inside an agent step that a tool middleware paused, such as an approval
 * (`kind: "tool"`). Resume with `workflow.resume(state, { [pending.id]: value })`.
 *
 * @example
 * for (const pending of result.pending) if (pending.reason === "approval-required") values[pending.id] = approve();
 */
export interface PendingPause {
  /** The key of this pause's value in `resume(state, values)`: the step's path, or the tool call's toolUseId. */
  id: string;
  /** The path of the paused step. */
  path: string;
  kind: "step" | "tool";
  /** Why it paused, e.g. `approval-required`. */
  reason: string;
  /** JSON data for the application (what the step or the tool middleware gave). */
  data?: unknown;
  /** For a tool pause: the tool's name. */
  toolName?: string;
  /** For a tool pause: the input the model gave the tool. */
  toolInput?: unknown;
}

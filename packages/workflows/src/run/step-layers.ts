import { compose, type Middleware, type StepMiddleware, type StepOutcome, type WrapPoint } from "@sluice/core";
import { performStep, type StepCallWithWork, type StepLayers } from "./run-context.js";

const stepWrapPoint: WrapPoint<StepCallWithWork, [input?: unknown], StepOutcome> = {
  kind: "step",
  rebind: (call, input) => ({ ...call, input }),
  isResult: (value): value is StepOutcome =>
    typeof value === "object" && value !== null && ((value as StepOutcome).type === "output" || (value as StepOutcome).type === "paused"),
  expected: 'the StepOutcome from next() ({ type: "output", output } or { type: "paused", reason })',
};

/** The `step` hooks of a middleware list, in order. */
export function stepHooks(middleware: readonly Middleware[]): StepMiddleware[] {
  return middleware.flatMap((entry) => (typeof entry === "object" && entry !== null && typeof entry.step === "function" ? [named(entry.step, entry.name)] : []));
}

/** Composes step hooks around the step's own work; undefined when there are none (the work is called directly). */
export function composeStepLayers(hooks: readonly StepMiddleware[]): StepLayers {
  if (hooks.length === 0) return undefined;
  return compose(hooks, (call) => call[performStep](call.input), stepWrapPoint);
}

function named(hook: StepMiddleware, name: string | undefined): StepMiddleware {
  if (!name || hook.name === name) return hook;
  return Object.defineProperty(hook, "name", { value: name, configurable: true });
}

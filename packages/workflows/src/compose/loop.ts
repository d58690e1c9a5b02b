import { ConfigurationError } from "@sluice/core";
import { LoopLimitError } from "../errors/loop-limit-error.js";
import { childScope } from "../steps/scope.js";
import { checkStepName, siblingNames } from "../steps/step-names.js";
import { runStep, stepNames, type Step } from "../steps/step.js";
import { executeComposite } from "./execute-composite.js";

/** How a loop ended, with `onMax: "return"`. */
export interface LoopResult<Output> {
  /** The last iteration's output. */
  output: Output;
  iterations: number;
  /** True when `until` never held and the loop stopped at `max`. */
  reachedMax: boolean;
}

/** `next` is needed when the body's output is not a valid input for its next iteration. */
type NextOption<Input, Output> = [Output] extends [Input]
  ? { /** The next iteration's input. Default: the output itself. */ next?: (output: Output, iteration: number) => Input }
  : { /** The next iteration's input, made from this iteration's output. */ next: (output: Output, iteration: number) => Input };

/**
 * Options of `loop(...)`.
 *
 * @example
 * const options = { body: revise, until: (draft: Draft) => draft.approved, max: 3 };
 */
export type LoopOptions<Input, Output> = {
  /** The step of each iteration (its path: `<loop path>[<iteration>]/<step name>`, from 0). */
  body: Step<Input, Output>;
  /** Stops the loop after an iteration whose output satisfies it. It runs again on resume, so it must depend on its arguments only. */
  until: (output: Output, iteration: number) => boolean | Promise<boolean>;
  /** Most iterations (at least 1). */
  max: number;
  /** At `max` without `until` holding: `fail` (default) throws `LoopLimitError`; `return` gives a `LoopResult` with `reachedMax: true`. */
  onMax?: "fail" | "return";
} & NextOption<Input, Output>;

/**
 * Runs a step again and again, each iteration on the last one's output (or what `next` makes of
 * it), until `until` holds, at most `max` times. Reaching `max` is an error by default
 * (`LoopLimitError`, with the last output); with `onMax: "return"` the output is a
 * `LoopResult` saying whether the maximum was reached.
 *
 * @example
 * const polish = loop("polish", { body: revise, until: (draft) => draft.score >= 8, max: 3 }); // Step<Draft, Draft>
 */
export function loop<Input, Output>(name: string, options: LoopOptions<Input, Output> & { onMax: "return" }): Step<Input, LoopResult<Output>>;
export function loop<Input, Output>(name: string, options: LoopOptions<Input, Output> & { onMax?: "fail" }): Step<Input, Output>;
export function loop(name: string, options: LoopOptions<unknown, unknown>): Step<unknown, unknown> {
  checkStepName(name, "loop()");
  const owner = `loop "${name}"`;
  const { body, until, max } = options;
  const next = options.next;
  if (typeof until !== "function") throw new ConfigurationError(`${owner} needs until: (output, iteration) => true to stop.`);
  if (!Number.isInteger(max) || max < 1) throw new ConfigurationError(`${owner} needs max: a whole number ≥ 1 of iterations; got ${String(max)}.`);
  if (next !== undefined && typeof next !== "function") throw new ConfigurationError(`${owner}: next must be a function (output, iteration) => input.`);
  if (options.onMax !== undefined && options.onMax !== "fail" && options.onMax !== "return") {
    throw new ConfigurationError(`${owner}: onMax must be "fail" or "return"; got ${JSON.stringify(options.onMax)}.`);
  }
  siblingNames([body], owner);
  const built: Step<unknown, unknown> = {
    name,
    kind: "loop",
    [runStep]: (input, scope) =>
      executeComposite("loop", name, scope, async (path) => {
        let value = input;
        let output: unknown;
        for (let iteration = 0; iteration < max; iteration += 1) {
          output = await body[runStep](value, childScope(scope, `${path}[${iteration}]`));
          if (await until(output, iteration)) return options.onMax === "return" ? { output, iterations: iteration + 1, reachedMax: false } : output;
          value = next ? next(output, iteration) : output;
        }
        if (options.onMax === "return") return { output, iterations: max, reachedMax: true };
        throw new LoopLimitError(path, max, output);
      }),
    [stepNames]: [],
  };
  return Object.assign(built, { [stepNames]: [{ name, step: built }] });
}

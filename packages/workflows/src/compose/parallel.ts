import { ConfigurationError } from "@sluice/core";
import { childScope } from "../steps/scope.js";
import { checkStepName, siblingNames } from "../steps/step-names.js";
import { runStep, stepNames, type AnyStep, type Step, type StepInput, type StepOutput } from "../steps/step.js";
import { executeComposite } from "./execute-composite.js";
import { checkConcurrencyOptions, runLimited, type ConcurrencyOptions, type Settled } from "./run-limited.js";

/** The branches of a parallel step, by the key their output goes under. */
export type ParallelBranches = Readonly<Record<string, AnyStep>>;

/** What every branch accepts: the input of a parallel step. */
export type ParallelInput<Branches extends ParallelBranches> = UnionToIntersection<{ [Key in keyof Branches]: StepInput<Branches[Key]> }[keyof Branches]>;

/** The output of a parallel step under `fail-fast`: each branch's output under its key. */
export type ParallelOutput<Branches extends ParallelBranches> = { [Key in keyof Branches]: StepOutput<Branches[Key]> };

/** The output of a parallel step under `collect`: each branch's outcome under its key. */
export type ParallelSettled<Branches extends ParallelBranches> = { [Key in keyof Branches]: Settled<StepOutput<Branches[Key]>> };

type UnionToIntersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (value: infer Both) => void ? Both : never;

/**
 * Runs branches at the same time on the same input; the output holds each branch's output under
 * its key. `concurrency` caps how many run at once. Under `onError: "fail-fast"` (default) the
 * first failure aborts the others and fails the step; under `"collect"` every branch finishes
 * and each key holds `{ ok: true, value }` or `{ ok: false, error }`.
 *
 * @example
 * const gather = parallel("gather", { news: newsStep, weather: weatherStep }, { concurrency: 2 });
 * // Step<string, { news: string; weather: Forecast }>
 */
export function parallel<Branches extends ParallelBranches>(
  name: string,
  branches: Branches,
  options: ConcurrencyOptions & { onError: "collect" },
): Step<ParallelInput<Branches>, ParallelSettled<Branches>>;
export function parallel<Branches extends ParallelBranches>(
  name: string,
  branches: Branches,
  options?: ConcurrencyOptions & { onError?: "fail-fast" },
): Step<ParallelInput<Branches>, ParallelOutput<Branches>>;
export function parallel(name: string, branches: ParallelBranches, options?: ConcurrencyOptions): Step<unknown, unknown> {
  checkStepName(name, "parallel()");
  const owner = `parallel "${name}"`;
  if (typeof branches !== "object" || branches === null || Object.keys(branches).length === 0) {
    throw new ConfigurationError(`${owner} needs branches: an object of steps, e.g. { news: newsStep, weather: weatherStep }.`);
  }
  checkConcurrencyOptions(options, owner);
  const keys = Object.keys(branches);
  const steps = keys.map((key) => branches[key] as AnyStep);
  siblingNames(steps, owner);
  const built: Step<unknown, unknown> = {
    name,
    kind: "parallel",
    [runStep]: (input, scope) =>
      executeComposite("parallel", name, scope, async (path) => {
        const settled = await runLimited(steps.length, options, scope.signal, (index, signal) => (steps[index] as AnyStep)[runStep](input, childScope(scope, path, signal)), () => path);
        const collect = options?.onError === "collect";
        return Object.fromEntries(keys.map((key, index) => [key, collect ? settled[index] : (settled[index] as { value: unknown }).value]));
      }),
    [stepNames]: [],
  };
  return Object.assign(built, { [stepNames]: [{ name, step: built }] });
}

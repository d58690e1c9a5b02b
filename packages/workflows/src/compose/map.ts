import { StepValidationError } from "../errors/step-validation-error.js";
import { childScope } from "../steps/scope.js";
import { checkStepName, siblingNames } from "../steps/step-names.js";
import { runStep, stepNames, type Step } from "../steps/step.js";
import { executeComposite } from "./execute-composite.js";
import { checkConcurrencyOptions, runLimited, type ConcurrencyOptions, type Settled } from "./run-limited.js";

/**
 * Options of `map(...)`.
 *
 * @example
 * const options = { step: summarise, concurrency: 3 };
 */
export interface MapOptions<Item, Output> extends ConcurrencyOptions {
  /** The step run for each item (its path: `<map path>[<index>]/<step name>`). */
  step: Step<Item, Output>;
}

/**
 * Runs a step for every item of the input list (fan-out) and gives the outputs in the same order
 * (fan-in), at most `concurrency` at once. Failures follow `onError` like `parallel`. An empty
 * list gives an empty list.
 *
 * @example
 * const summaries = map("summaries", { step: summarise, concurrency: 3 }); // Step<readonly string[], string[]>
 * const digest = sequence(summaries, combine);
 */
export function map<Item, Output>(name: string, options: MapOptions<Item, Output> & { onError: "collect" }): Step<readonly Item[], Array<Settled<Output>>>;
export function map<Item, Output>(name: string, options: MapOptions<Item, Output> & { onError?: "fail-fast" }): Step<readonly Item[], Output[]>;
export function map(name: string, options: MapOptions<unknown, unknown>): Step<readonly unknown[], unknown[]> {
  checkStepName(name, "map()");
  const owner = `map "${name}"`;
  checkConcurrencyOptions(options, owner);
  const inner = options.step;
  siblingNames([inner], owner);
  const collect = options.onError === "collect";
  const built: Step<readonly unknown[], unknown[]> = {
    name,
    kind: "map",
    [runStep]: (items, scope) =>
      executeComposite("map", name, scope, async (path) => {
        if (!Array.isArray(items)) throw new StepValidationError(path, "input", `expected a list, received ${items === null ? "null" : typeof items}`, []);
        const itemPath = (index: number): string => `${path}[${index}]`;
        const settled = await runLimited(items.length, options, scope.signal, (index, signal) => inner[runStep](items[index], childScope(scope, itemPath(index), signal)), itemPath);
        return collect ? settled : settled.map((entry) => (entry as { value: unknown }).value);
      }),
    [stepNames]: [],
  };
  return Object.assign(built, { [stepNames]: [{ name, step: built }] });
}

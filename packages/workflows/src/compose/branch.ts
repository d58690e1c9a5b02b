import { ConfigurationError } from "@sluice/core";
import { childScope } from "../steps/scope.js";
import { checkStepName, siblingNames } from "../steps/step-names.js";
import { runStep, stepNames, type AnyStep, type Step, type StepInput, type StepOutput } from "../steps/step.js";
import { executeComposite } from "./execute-composite.js";

/** The cases of a branch, by the key `select` returns. */
export type BranchCases = Readonly<Record<string, AnyStep>>;

/** What every case accepts: the input of a branch. */
export type BranchInput<Cases extends BranchCases> = UnionToIntersection<{ [Key in keyof Cases]: StepInput<Cases[Key]> }[keyof Cases]>;

/** The output of a branch: the output of whichever case ran. */
export type BranchOutput<Cases extends BranchCases> = { [Key in keyof Cases]: StepOutput<Cases[Key]> }[keyof Cases];

type UnionToIntersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (value: infer Both) => void ? Both : never;

/**
 * Options of `branch(...)`.
 *
 * @example
 * const options = { select: (ticket: Ticket) => (ticket.kind === "bill" ? "billing" : "technical"), cases: { billing, technical } };
 */
export interface BranchOptions<Cases extends BranchCases> {
  /**
   * Picks the case for an input: its key in `cases` (TypeScript checks it is one). It runs again
   * when a paused run resumes, so it must depend on the input only.
   */
  select: (input: BranchInput<Cases>) => (keyof Cases & string) | Promise<keyof Cases & string>;
  cases: Cases;
}

/**
 * Runs one of several steps, chosen by a typed condition on the input; the output is that step's.
 *
 * @example
 * const route = branch("route", {
 *   select: (ticket: { kind: "bill" | "bug"; text: string }) => (ticket.kind === "bill" ? "billing" : "technical"),
 *   cases: { billing: billingStep, technical: technicalStep },
 * });
 */
export function branch<Cases extends BranchCases>(name: string, options: BranchOptions<Cases>): Step<BranchInput<Cases>, BranchOutput<Cases>> {
  checkStepName(name, "branch()");
  const owner = `branch "${name}"`;
  if (typeof options?.select !== "function") throw new ConfigurationError(`${owner} needs select: (input) => the key of a case.`);
  const cases = options.cases;
  if (typeof cases !== "object" || cases === null || Object.keys(cases).length === 0) throw new ConfigurationError(`${owner} needs cases: an object of steps by key.`);
  siblingNames(Object.values(cases), owner);
  const built: Step<BranchInput<Cases>, BranchOutput<Cases>> = {
    name,
    kind: "branch",
    [runStep]: (input, scope) =>
      executeComposite("branch", name, scope, async (path) => {
        const key = await options.select(input);
        const chosen = Object.hasOwn(cases, key) ? cases[key] : undefined;
        if (chosen === undefined) {
          throw new ConfigurationError(`${owner}: select returned ${JSON.stringify(key)}, which is not a case; the cases are ${Object.keys(cases).join(", ")}.`);
        }
        return chosen[runStep](input, childScope(scope, path)) as Promise<BranchOutput<Cases>>;
      }),
    [stepNames]: [],
  };
  return Object.assign(built, { [stepNames]: [{ name, step: built }] });
}

import { ConfigurationError } from "@sluice/core";
import { siblingNames } from "../steps/step-names.js";
import { runStep, stepNames, type AnyStep, type Step, type StepInput, type StepOutput } from "../steps/step.js";

/** Each step of a sequence after the first must take what the one before gives. */
export type SequenceChain<Steps extends readonly AnyStep[], Previous> = Steps extends readonly [infer First extends AnyStep, ...infer Rest extends AnyStep[]]
  ? [[Previous] extends [StepInput<First>] ? First : Step<Previous, StepOutput<First>>, ...SequenceChain<Rest, StepOutput<First>>]
  : [];

/** The steps of a sequence, each checked against the output of the one before. */
export type CheckedSequence<Steps extends readonly AnyStep[]> = Steps extends readonly [infer First extends AnyStep, ...infer Rest extends AnyStep[]]
  ? readonly [First, ...SequenceChain<Rest, StepOutput<First>>]
  : never;

/** The last element of a tuple of steps. */
type LastStep<Steps extends readonly AnyStep[]> = Steps extends readonly [...AnyStep[], infer Last extends AnyStep] ? Last : never;

/**
 * Runs steps one after another, each getting the output of the one before; the sequence's output
 * is the last one's. TypeScript checks the chain: a step whose input does not accept the previous
 * output is an error at that argument. A sequence adds no part to its steps' paths.
 *
 * @example
 * const article = sequence(research, write, review); // Step<{ topic: string }, Review>
 */
export function sequence<const Steps extends readonly [AnyStep, ...AnyStep[]]>(...steps: Steps & CheckedSequence<Steps>): Step<StepInput<Steps[0]>, StepOutput<LastStep<Steps>>> {
  if ((steps as readonly AnyStep[]).length === 0) throw new ConfigurationError("sequence() needs at least one step.");
  const names = siblingNames(steps, "sequence()");
  const list: readonly AnyStep[] = steps;
  return {
    name: "",
    kind: "sequence",
    async [runStep](input, scope) {
      let value: unknown = input;
      for (const current of list) value = await current[runStep](value, scope);
      return value as StepOutput<LastStep<Steps>>;
    },
    [stepNames]: names,
  };
}

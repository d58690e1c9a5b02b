import { describe, expect, it } from "vitest";
import { z } from "zod";
import { StepValidationError } from "../errors/step-validation-error.js";
import { step } from "../steps/function-step.js";
import { workflow } from "../run/workflow.js";
import { sequence } from "./sequence.js";

const double = step({ name: "double", input: z.number(), run: (value) => value * 2 });
const describeNumber = step({ name: "describe", run: (value: number) => `the number ${value}` });

describe("sequence", () => {
  it("passes each output to the next step and gives the last output", async () => {
    const flow = workflow({ name: "numbers", steps: sequence(double, describeNumber) });
    const result = await flow.run(21);
    expect(result).toMatchObject({ status: "complete", output: "the number 42" });
    expect(Object.keys(result.state.records)).toEqual(["numbers/double", "numbers/describe"]);
  });

  it("checks inputs and outputs at each step's boundary with readable, typed errors", async () => {
    const flow = workflow({ name: "numbers", steps: sequence(double, describeNumber) });
    const error = await flow.run("seven" as unknown as number).catch((caught: unknown) => caught);
    expect(StepValidationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: "workflow-step-validation", path: "numbers/double", boundary: "input" });
    expect((error as Error).message).toBe('Step "numbers/double" got an input that fails its input schema: input: expected number, received string "seven".');

    const lying = step({ name: "lying", output: z.object({ count: z.number() }), run: () => ({ count: "three" }) as never });
    const outputError = await workflow({ name: "w", steps: lying }).run(undefined).catch((caught: unknown) => caught);
    expect(outputError).toMatchObject({ path: "w/lying", boundary: "output" });
    expect((outputError as Error).message).toContain('count: expected number, received string "three"');
  });

  it("refuses two different steps with one name among siblings", () => {
    const again = step({ name: "double", run: (value: number) => value });
    expect(() => sequence(double, again)).toThrow(/two different steps named "double"/);
  });
});

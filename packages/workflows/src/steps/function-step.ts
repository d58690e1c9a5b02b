import { ConfigurationError } from "@sluice/core";
import type { ZodSchemaLike } from "@sluice/tools";
import { checkBoundary, checkSchemaOption, type SchemaInputOr, type SchemaOutputOr } from "./check-boundary.js";
import type { LeafContext, LeafResult } from "./execute-leaf.js";
import { leafStep } from "./leaf-step.js";
import { checkStepName } from "./step-names.js";
import type { Step } from "./step.js";

/**
 * What a function step's code gets besides its input.
 *
 * @example
 * run: async (order, context) => {
 *   if (context.resumeValue === undefined) return context.pause("manager-sign-off", { total: order.total });
 *   return { ...order, signedBy: context.resumeValue.manager };
 * }
 */
export interface StepContext<Resume = unknown> {
  /** This step's path, e.g. `orders/refine[1]/check`. */
  readonly path: string;
  /** Aborts when the workflow run is aborted; pass it to anything slow. */
  readonly signal: AbortSignal;
  /** After `pause(...)`, when the run is resumed: the value given for this step (checked by the `resume` schema). */
  readonly resumeValue: Resume | undefined;
  /**
   * Pauses the workflow here: the run ends with status `paused`, this step listed in
   * `result.pending` (its `id` is the step's path). `workflow.resume(state, { [path]: value })`
   * runs the step again with `context.resumeValue` set. Steps done before are not run again.
   */
  pause(reason: string, data?: unknown): never;
}

/**
 * Options of `step(...)`.
 *
 * @example
 * const options = { name: "total", input: z.array(z.number()), run: (values: number[]) => values.reduce((a, b) => a + b, 0) };
 */
export interface FunctionStepOptions<InputSchema, OutputSchema, ResumeSchema, Input, Returned> {
  /** Unique among its siblings; part of the step's path. */
  name: string;
  /** A zod schema (3 or 4) the input must satisfy; `run` gets the parsed value. */
  input?: InputSchema;
  /** A zod schema what `run` returns must satisfy; the step's output is the parsed value. */
  output?: OutputSchema;
  /** A zod schema for the value the step is resumed with after `context.pause(...)`. */
  resume?: ResumeSchema;
  /** The step's code. Its output must be JSON (it is kept in the workflow's state). */
  run: (input: Input, context: StepContext<SchemaOutputOr<ResumeSchema, unknown>>) => SchemaInputOr<OutputSchema, Returned> | Promise<SchemaInputOr<OutputSchema, Returned>>;
}

class PauseRequest {
  constructor(
    readonly reason: string,
    readonly data: unknown,
  ) {}
}

/**
 * A step that runs your code. Input and output are typed by their zod schemas (or by `run`'s
 * parameter and return types when there are none) and checked at the step's boundary. The code
 * may pause the workflow for a person or another system with `context.pause(...)`.
 *
 * @example
 * const total = step({
 *   name: "total",
 *   input: z.object({ prices: z.array(z.number()) }),
 *   run: ({ prices }) => prices.reduce((sum, price) => sum + price, 0),
 * }); // Step<{ prices: number[] }, number>
 */
export function step<
  const InputSchema extends ZodSchemaLike | undefined = undefined,
  const OutputSchema extends ZodSchemaLike | undefined = undefined,
  const ResumeSchema extends ZodSchemaLike | undefined = undefined,
  Input = SchemaOutputOr<InputSchema, unknown>,
  Returned = unknown,
>(options: FunctionStepOptions<InputSchema, OutputSchema, ResumeSchema, Input, Returned>): Step<Input, SchemaOutputOr<OutputSchema, Returned>> {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("step() needs an object: { name, input?, output?, resume?, run }.");
  checkStepName(options.name, "step()");
  const owner = `step "${options.name}"`;
  if (typeof options.run !== "function") throw new ConfigurationError(`${owner} needs run: (input, context) => output.`);
  checkSchemaOption(options.input, "input", owner);
  checkSchemaOption(options.output, "output", owner);
  checkSchemaOption(options.resume, "resume", owner);
  const { input: inputSchema, output: outputSchema, resume: resumeSchema, run } = options;
  return leafStep({
    name: options.name,
    kind: "function",
    async perform(raw: unknown, context: LeafContext): Promise<LeafResult> {
      const input = inputSchema === undefined ? (raw as Input) : await checkBoundary<Input>(inputSchema, raw, context.path, "input");
      const given = context.resumption?.values[context.path];
      const resumeValue = context.resumption === undefined ? undefined : await checkBoundary(resumeSchema, given, context.path, "resume");
      const stepContext: StepContext<never> = {
        path: context.path,
        signal: context.signal,
        resumeValue: resumeValue as never,
        pause(reason: string, data?: unknown): never {
          if (typeof reason !== "string" || reason.trim() === "") throw new ConfigurationError(`${owner}: context.pause() needs a reason, e.g. "approval-required".`);
          throw new PauseRequest(reason, data);
        },
      };
      let returned: unknown;
      try {
        returned = await run(input, stepContext);
      } catch (error) {
        if (!(error instanceof PauseRequest)) throw error;
        const data = error.data === undefined ? {} : { data: error.data };
        return { type: "paused", pause: { reason: error.reason, ...data, pending: [{ id: context.path, path: context.path, kind: "step", reason: error.reason, ...data }] } };
      }
      return { type: "output", output: outputSchema === undefined ? returned : await checkBoundary(outputSchema, returned, context.path, "output") };
    },
  });
}

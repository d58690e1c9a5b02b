import type { AgentTool, ToolContext } from "@sluice/core";
import type { ExplicitToolResult } from "../results/tool-result.js";
import type { ToolImageFormat } from "../results/to-tool-output.js";
import type { InferSchemaInput, InferToolInput, JsonSchemaObject, ToolInputSchema, ZodSchemaLike } from "../schema/schema-types.js";

/** What a handler without an `output` schema may return (see `toToolOutput` for how each becomes content). */
export type ToolReturnValue = string | number | boolean | object | null | undefined | void;

/** What the handler returns: the `output` schema's input type when there is one. */
export type ToolHandlerReturn<OutputSchema> = [OutputSchema] extends [undefined]
  ? ToolReturnValue
  : InferSchemaInput<OutputSchema> | ExplicitToolResult;

/** Whether a call needs a person's approval first: always, never, or depending on the input. */
export type ApprovalRule<Input> = boolean | ((input: Input, context: ToolContext) => boolean | Promise<boolean>);

/**
 * What `defineTool` takes. `input` types the handler's first argument; `output`, when given,
 * types and checks what it returns.
 *
 * @example
 * const definition = { name: "add", description: "Adds", input: z.object({ a: z.number(), b: z.number() }), handler: ({ a, b }) => a + b };
 */
export interface ToolDefinition<InputSchema extends ToolInputSchema | undefined, OutputSchema extends ZodSchemaLike | undefined> {
  /** 1 to 64 characters from `a-z A-Z 0-9 _ -` (Bedrock's rule); unique within an agent. */
  name: string;
  /** What the tool does and when to use it; the model reads this. */
  description: string;
  /** A zod 4 or zod 3 schema (handler input inferred), or a JSON Schema (handler input `unknown`). Omit for no parameters. */
  input?: InputSchema;
  /** A zod schema the handler's return value must satisfy; the parsed value goes to the model. */
  output?: OutputSchema;
  handler: (input: InferToolInput<InputSchema>, context: ToolContext) => ToolHandlerReturn<OutputSchema> | Promise<ToolHandlerReturn<OutputSchema>>;
  /** Milliseconds before the call is cancelled and the model told it timed out (default: the agent's `toolTimeoutMs`). */
  timeoutMs?: number;
  /** With `approvalMiddleware()`: pause the run for a person's decision before running (always, or when the function says so). */
  needsApproval?: ApprovalRule<InferToolInput<InputSchema>>;
  /** The format of image bytes the handler returns (a `Uint8Array` result becomes an image block). */
  imageFormat?: ToolImageFormat;
  /** Free-form flags for middleware. */
  metadata?: Record<string, unknown>;
}

/**
 * A tool made by `defineTool`: an `AgentTool` the agent runs, plus typed helpers. `Input` is
 * what the handler receives.
 *
 * @example
 * const input = await weather.parseInput({ city: "Oslo" }); // typed, or throws ToolInputError
 * const output = await weather.invoke({ city: "Oslo" }, context); // what the model would get
 */
export interface DefinedTool<Input = unknown> extends AgentTool {
  readonly description: string;
  readonly inputSchema: JsonSchemaObject;
  /** The zod schema or JSON Schema given as `input` (undefined without parameters). */
  readonly input: ToolInputSchema | undefined;
  /** Checks raw input as the model sent it; throws core's `ToolInputError` with a readable summary. */
  parseInput(input: unknown): Promise<Input>;
  /** Whether this raw input needs approval under the tool's `needsApproval` rule (false for input that fails the schema). */
  requiresApproval(input: unknown, context: ToolContext): Promise<boolean>;
  /** True when the tool has any `needsApproval` rule. */
  readonly hasApprovalRule: boolean;
}

/**
 * The handler input type of a tool made by `defineTool`.
 *
 * @example
 * type WeatherInput = ToolInput<typeof weather>; // { city: string; unit: "c" | "f" }
 */
export type ToolInput<Tool> = Tool extends DefinedTool<infer Input> ? Input : never;

import { ConfigurationError, ToolInputError, type ToolContext, type ToolOutput } from "@sluice/core";
import { assertToolName } from "@sluice/core/internal";
import { toToolOutput, toolImageFormats } from "../results/to-tool-output.js";
import { isExplicitToolResult } from "../results/tool-result.js";
import { isZod3Schema, isZod4Schema } from "../schema/schema-kind.js";
import type { InferToolInput, ToolInputSchema, ZodSchemaLike } from "../schema/schema-types.js";
import { summarizeIssues } from "../schema/summarize-issues.js";
import { toToolJsonSchema } from "../schema/to-tool-json-schema.js";
import { validateNow, validateValue, type ValidationOutcome } from "../schema/validate-value.js";
import type { DefinedTool, ToolDefinition } from "./tool-definition.js";
import { ToolOutputError } from "../errors/tool-output-error.js";

const definitionKeys = new Set(["name", "description", "input", "output", "handler", "timeoutMs", "needsApproval", "imageFormat", "metadata"]);
const definedMarker = Symbol.for("sluice.tools.defined");

/**
 * Defines a tool with a typed handler. `input` is a zod 4 or zod 3 schema (the handler's
 * argument type is inferred from it and the model's input is checked against it) or a JSON
 * Schema (the handler gets `unknown`); omit it for a tool without parameters. The definition is
 * checked at once: Bedrock's name rules, a non-blank description, a schema Bedrock accepts.
 *
 * @example
 * const weather = defineTool({
 *   name: "get_weather",
 *   description: "Current weather for a city",
 *   input: z.object({ city: z.string(), unit: z.enum(["c", "f"]).default("c") }),
 *   handler: async ({ city, unit }) => ({ city, temperature: unit === "c" ? 21 : 70 }),
 * });
 * const agent = new Agent({ modelId, tools: [weather] });
 */
export function defineTool<
  const InputSchema extends ToolInputSchema | undefined = undefined,
  OutputSchema extends ZodSchemaLike | undefined = undefined,
>(definition: ToolDefinition<InputSchema, OutputSchema>): DefinedTool<InferToolInput<InputSchema>> {
  checkDefinition(definition);
  type Input = InferToolInput<InputSchema>;
  const { name, description, input: inputSchema, output: outputSchema, handler, timeoutMs, needsApproval, imageFormat, metadata } = definition;
  const jsonSchema = toToolJsonSchema(inputSchema, name);
  const zodInput = inputSchema !== undefined && (isZod4Schema(inputSchema) || isZod3Schema(inputSchema)) ? inputSchema : undefined;

  // The input, validated; without a promise when the schema validates synchronously.
  const readInput = (raw: unknown): Input | Promise<Input> => {
    // Models send nothing (or null) for tools without parameters; that is the empty object.
    const value = raw === undefined || raw === null ? {} : raw;
    if (inputSchema === undefined) return {} as Input;
    if (!zodInput) return value as Input;
    const outcome = validateNow<Input>(zodInput, value);
    return outcome instanceof Promise ? outcome.then((settled) => inputOf(settled, value)) : inputOf(outcome, value);
  };
  const parseInput = async (raw: unknown): Promise<Input> => readInput(raw);

  const tool: DefinedTool<Input> & { readonly [definedMarker]: true } = {
    [definedMarker]: true,
    name,
    description,
    inputSchema: jsonSchema,
    input: inputSchema,
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(metadata !== undefined && { metadata: { ...metadata } }),
    hasApprovalRule: needsApproval !== undefined && needsApproval !== false,
    parseInput,
    async requiresApproval(raw: unknown, context: ToolContext): Promise<boolean> {
      if (needsApproval === undefined || typeof needsApproval === "boolean") return needsApproval === true;
      let parsed: Input;
      try {
        parsed = await parseInput(raw);
      } catch {
        return false; // the call fails validation anyway; nothing would run
      }
      return (await needsApproval(parsed, context)) === true;
    },
    async invoke(raw: unknown, context: ToolContext): Promise<ToolOutput> {
      const read = readInput(raw);
      const parsed = read instanceof Promise ? await read : read;
      const handled: unknown = handler(parsed, context);
      // A handler that answers synchronously is not awaited: an await costs every call a microtask.
      const returned: unknown = isThenable(handled) ? await handled : handled;
      if (outputSchema === undefined || isExplicitToolResult(returned)) return toToolOutput(returned, name, imageFormat);
      const checked = await validateValue(outputSchema, returned);
      if (!checked.success) throw new ToolOutputError(name, summarizeIssues(checked.issues, returned));
      return toToolOutput(checked.value, name, imageFormat);
    },
  };
  return tool;
}

/**
 * True for a tool made by `defineTool` (across duplicate package copies too).
 *
 * @example
 * if (isDefinedTool(call.tool)) await call.tool.parseInput(call.input);
 */
export function isDefinedTool(value: unknown): value is DefinedTool {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[definedMarker] === true;
}

function inputOf<Input>(outcome: ValidationOutcome<Input>, value: unknown): Input {
  if (outcome.success) return outcome.value;
  throw new ToolInputError(`${summarizeIssues(outcome.issues, value)}. Call the tool again with corrected input.`);
}

function checkDefinition(definition: ToolDefinition<ToolInputSchema | undefined, ZodSchemaLike | undefined>): void {
  if (typeof definition !== "object" || definition === null) {
    throw new ConfigurationError("defineTool() needs an object: { name, description, input?, output?, handler }.");
  }
  const unknownKeys = Object.keys(definition).filter((key) => !definitionKeys.has(key));
  if (unknownKeys.length > 0) {
    throw new ConfigurationError(
      `defineTool() got unknown option${unknownKeys.length > 1 ? "s" : ""} ${unknownKeys.map((key) => JSON.stringify(key)).join(", ")}. ` +
        `Known options: ${[...definitionKeys].join(", ")}.`,
    );
  }
  assertToolName(definition.name);
  const { name } = definition;
  if (typeof definition.description !== "string" || definition.description.trim() === "") {
    throw new ConfigurationError(`Tool "${name}" needs a description: the model reads it to decide when to call the tool (Bedrock refuses a blank one).`);
  }
  if (typeof definition.handler !== "function") {
    throw new ConfigurationError(`Tool "${name}" needs a handler function: handler: async (input, context) => result.`);
  }
  const { timeoutMs, imageFormat, needsApproval, output } = definition;
  if (timeoutMs !== undefined && (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0)) {
    throw new ConfigurationError(`Tool "${name}": timeoutMs must be a positive number of milliseconds; got ${String(timeoutMs)}.`);
  }
  if (imageFormat !== undefined && !toolImageFormats.includes(imageFormat)) {
    throw new ConfigurationError(`Tool "${name}": imageFormat must be one of ${toolImageFormats.join(", ")}; got ${JSON.stringify(imageFormat)}.`);
  }
  if (needsApproval !== undefined && typeof needsApproval !== "boolean" && typeof needsApproval !== "function") {
    throw new ConfigurationError(`Tool "${name}": needsApproval must be true, false, or a function (input, context) => boolean.`);
  }
  if (output !== undefined && !isZod4Schema(output) && !isZod3Schema(output)) {
    throw new ConfigurationError(`Tool "${name}": output must be a zod schema (zod 3 or 4).`);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

import {
  ConfigurationError,
  defaultCapabilityRegistry,
  ModelCapabilityError,
  ModelCapabilityRegistry,
  type ModelResult,
  type Agent,
  type AgentInput,
  type AgentResult,
  type MiddlewareObject,
  type ModelCall,
  type ModelNext,
  type RunOptions,
  type ToolCall,
  type ToolCallOutcome,
  type ToolNext,
} from "@sluice/core";
import { defineTool } from "../define/define-tool.js";
import type { DefinedTool } from "../define/tool-definition.js";
import type { InferSchemaOutput, ZodSchemaLike } from "../schema/schema-types.js";
import { validateValue } from "../schema/validate-value.js";
import { refusedAnswersInRun } from "./answer-rounds.js";
import { hasToolBlocks, jsonSchemaFormat, thinkingEnabled, withStrictTool } from "./native-format.js";
import { StructuredOutputError } from "../errors/structured-output-error.js";

/**
 * Options of `structuredOutput`.
 *
 * @example
 * structuredOutput({ schema: z.object({ answer: z.string() }), name: "submit_answer", maxRetries: 2, toolChoice: "auto" });
 */
export interface StructuredOutputOptions<Schema extends ZodSchemaLike> {
  /** A zod object schema (zod 4 or 3) the answer must satisfy. */
  schema: Schema;
  /** Name of the answer tool. Default `final_answer`. */
  name?: string;
  /** What the model reads about the answer tool. */
  description?: string;
  /** Invalid answers the model may correct before the run fails. Default 1 (one retry). */
  maxRetries?: number;
  /**
   * `any` (default) makes the model call a tool on every step, so it cannot end without the
   * answer tool; use `auto` for models or settings that refuse forced tool use (e.g. Claude with
   * extended thinking).
   */
  toolChoice?: "any" | "auto";
  /**
   * How the model gives its answer: `native` (Bedrock's own structured output,
   * `outputConfig.textFormat`: the final text is JSON fitting the schema), `tool` (the answer
   * tool), or `auto` (default): native where the model capability registry says the model has
   * it, the tool elsewhere. Native works together with extended thinking.
   */
  mode?: "auto" | "native" | "tool";
  /** Mark the answer tool `strict` (schema-checked tool input) in tool mode; a `ModelCapabilityError` on models without strict tools. Default false. */
  strict?: boolean;
  /** The model capability registry to consult (one that resolves application profiles, for instance). Default `defaultCapabilityRegistry`. */
  registry?: ModelCapabilityRegistry;
}

/** What `structured.send()` resolves to. */
export interface StructuredResult<Value> {
  /** The answer, parsed by the schema. */
  value: Value;
  /** The whole run. */
  result: AgentResult;
}

/** The answer tool and its middleware, plus helpers that return the typed answer. */
export interface StructuredOutput<Value> {
  /** Add to the agent's `tools`. */
  readonly tool: DefinedTool<Value>;
  /** Add to the agent's `middleware`: forces tool use, bounds the retries, and ends the run once an answer is valid. */
  readonly middleware: MiddlewareObject;
  /** Sends input and resolves to the validated answer; throws `StructuredOutputError` when there is none. */
  send(agent: Agent, input: AgentInput, options?: RunOptions): Promise<StructuredResult<Value>>;
  /** The answer in a finished run's result (for runs started with `agent.send` / `resume`), or undefined. */
  read(result: AgentResult): Promise<Value | undefined>;
}

/** The answer tool's name unless `structuredOutput({ name })` says otherwise. */
export const defaultAnswerToolName = "final_answer";
const defaultDescription =
  "Give your final answer by calling this tool with the answer as its input. Call it once, when you have everything you need; the conversation ends there.";

/**
 * Structured output through an answer tool: the model answers by calling a tool whose input
 * schema is yours, the input is validated (an invalid answer goes back to the model as an error
 * result with a readable summary, and it may try again), and the run ends as soon as a valid
 * answer arrives, without another model call. The conversation stays valid for later turns.
 *
 * @example
 * const verdict = structuredOutput({ schema: z.object({ sentiment: z.enum(["positive", "negative"]), confidence: z.number() }) });
 * const agent = new Agent({ modelId, tools: [verdict.tool], middleware: [verdict.middleware] });
 * const { value } = await verdict.send(agent, "Classify: 'I love it'");
 * value.sentiment; // "positive" | "negative"
 */
export function structuredOutput<Schema extends ZodSchemaLike>(options: StructuredOutputOptions<Schema>): StructuredOutput<InferSchemaOutput<Schema>> {
  type Value = InferSchemaOutput<Schema>;
  const name = options.name ?? defaultAnswerToolName;
  const maxRetries = options.maxRetries ?? 1;
  const toolChoice = options.toolChoice ?? "any";
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new ConfigurationError(`structuredOutput: maxRetries must be a whole number of at least 0; got ${String(maxRetries)}.`);
  }
  if (toolChoice !== "any" && toolChoice !== "auto") throw new ConfigurationError('structuredOutput: toolChoice must be "any" or "auto".');
  const mode = options.mode ?? "auto";
  if (!["auto", "native", "tool"].includes(mode)) throw new ConfigurationError('structuredOutput: mode must be "auto", "native" or "tool".');
  if (options.strict !== undefined && typeof options.strict !== "boolean") throw new ConfigurationError("structuredOutput: strict must be true or false.");
  if (options.registry !== undefined && !(options.registry instanceof ModelCapabilityRegistry)) {
    throw new ConfigurationError("structuredOutput: registry must be a ModelCapabilityRegistry.");
  }
  const registry = options.registry ?? defaultCapabilityRegistry;
  const tool = defineTool({
    name,
    description: options.description ?? defaultDescription,
    input: options.schema as ZodSchemaLike,
    handler: () => "Answer received.",
  }) as unknown as DefinedTool<Value>;
  let nativeFormat: ReturnType<typeof jsonSchemaFormat> | undefined;

  async function structuredOutputModel(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const messages = call.request.messages ?? [];
    const refused = refusedAnswersInRun(messages, name);
    if (refused.count > maxRetries) {
      throw new StructuredOutputError(
        `The model gave ${refused.count} invalid answers to ${name} (maxRetries is ${maxRetries}); the last problem: ${refused.lastProblem}`,
        refused.lastProblem,
      );
    }
    const toolConfig = call.request.toolConfig;
    if (!toolConfig?.tools?.some((entry) => entry.toolSpec?.name === name)) {
      throw new ConfigurationError(`The agent has the structured-output middleware but not its tool "${name}"; add structured.tool to the agent's tools.`);
    }
    const { modelId } = call.request;
    const capabilities = (await registry.resolve(modelId)).capabilities;
    if (mode === "native" && !capabilities.nativeStructuredOutput) {
      throw new ModelCapabilityError(
        modelId,
        "nativeStructuredOutput",
        `${modelId} has no native structured output (outputConfig.textFormat). Use structuredOutput({ mode: "tool" }) or "auto", or a model that has it (Claude 4.5 and later, the open-weight families).`,
      );
    }
    if (mode === "native" || (mode === "auto" && capabilities.nativeStructuredOutput)) {
      // The answer is the final text; the answer tool stays only where Bedrock needs a toolConfig.
      const others = toolConfig.tools.filter((entry) => entry.toolSpec?.name !== name);
      const tools = others.length > 0 ? { toolConfig: { ...toolConfig, tools: others } } : hasToolBlocks(call.request) ? { toolConfig } : {};
      const { toolConfig: _replaced, ...rest } = call.request;
      nativeFormat ??= jsonSchemaFormat(tool.inputSchema, name, options.description); // the schema never changes
      return next({ ...rest, ...tools, outputConfig: { ...call.request.outputConfig, ...nativeFormat } });
    }
    if (options.strict === true && !capabilities.strictTools) {
      throw new ModelCapabilityError(modelId, "strictTools", `${modelId} does not take strict tools (toolSpec.strict). Leave strict out, or use a model with strict tools (Claude 4.5 up to 4.8, the open-weight families).`);
    }
    const tools = options.strict === true ? withStrictTool(toolConfig.tools, name) : toolConfig.tools;
    // Extended thinking refuses a forced tool choice, so the model is asked, not forced, to answer with the tool.
    const force = toolChoice === "any" && toolConfig.toolChoice === undefined && !thinkingEnabled(call.request);
    if (!force && tools === toolConfig.tools) return next();
    return next({ ...call.request, toolConfig: { ...toolConfig, tools, ...(force && { toolChoice: { any: {} } }) } });
  }

  /** A valid answer ends the run: no model call is needed after it. */
  async function structuredOutputTool(call: ToolCall, next: ToolNext): Promise<ToolCallOutcome> {
    const outcome = await next();
    if (call.name !== name || outcome.type !== "result" || outcome.status !== "success") return outcome;
    return { ...outcome, endRun: true };
  }

  async function read(result: AgentResult): Promise<Value | undefined> {
    for (const step of [...result.steps].reverse()) {
      const call = [...step.toolCalls].reverse().find((record) => record.name === name && record.status === "success");
      if (!call) continue;
      const parsed = await validateValue<Value>(options.schema, call.input ?? {});
      if (parsed.success) return parsed.value;
    }
    return readNativeAnswer(result);
  }

  /** The final text as JSON fitting the schema (native structured output), or undefined. */
  async function readNativeAnswer(result: AgentResult): Promise<Value | undefined> {
    if (result.status !== "complete" || result.text.trim() === "") return undefined;
    let json: unknown;
    try {
      json = JSON.parse(result.text);
    } catch {
      return undefined;
    }
    const parsed = await validateValue<Value>(options.schema, json);
    return parsed.success ? parsed.value : undefined;
  }

  return {
    tool,
    middleware: { name: "structured-output", model: structuredOutputModel, tool: structuredOutputTool },
    read,
    async send(agent, input, runOptions = {}) {
      const result = await agent.send(input, runOptions);
      const value = await read(result);
      if (value !== undefined) return { value, result };
      const why =
        result.status === "interrupted"
          ? "the run paused for a tool call waiting on resume(); resume it and read the answer with structured.read(result)"
          : result.status === "max-steps"
            ? "the run reached maxSteps first"
            : `the model ended its turn without calling ${name} or answering with JSON that fits the schema`;
      throw new StructuredOutputError(`No structured answer: ${why}.`, why, result);
    },
  };
}

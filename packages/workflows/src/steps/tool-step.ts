import { ConfigurationError, type AgentTool, type ToolContext, type ToolOutput } from "@sluice/core";
import { type DefinedTool, type ZodSchemaLike } from "@sluice/tools";
import { approvalRequiredReason, isApprovalDecision, isDefinedTool } from "@sluice/tools/internal";
import { checkBoundary, checkSchemaOption, type SchemaOutputOr } from "./check-boundary.js";
import type { LeafContext, LeafResult } from "./execute-leaf.js";
import { leafStep } from "./leaf-step.js";
import { checkStepName } from "./step-names.js";
import type { Step } from "./step.js";

/**
 * Options of `toolStep(...)`.
 *
 * @example
 * const options = { tool: getWeather, name: "weather", output: z.object({ city: z.string(), forecast: z.string() }) };
 */
export interface ToolStepOptions<Tool extends AgentTool, OutputSchema> {
  tool: Tool;
  /** Default: the tool's name. */
  name?: string;
  /** A zod schema the tool's result (its JSON, or its text) must satisfy. */
  output?: OutputSchema;
}

/** The input of a tool step: the handler's input of a `defineTool` tool, else unknown. */
export type ToolStepInput<Tool> = Tool extends DefinedTool<infer Input> ? Input : unknown;

/**
 * A step that calls a tool directly, without a model: the step's input is the tool's input
 * (checked by the tool's schema), its output the tool's result — the value of a JSON result, the
 * text of a text result. A tool with `needsApproval` pauses the workflow for an `approve()` /
 * `deny(reason)` decision (`@sluice/tools`), keyed by the step's path. A tool's error result fails
 * the step.
 *
 * @example
 * const weather = toolStep({ tool: getWeather }); // Step<{ city: string }, unknown>
 */
export function toolStep<Tool extends AgentTool, const OutputSchema extends ZodSchemaLike | undefined = undefined>(
  options: ToolStepOptions<Tool, OutputSchema>,
): Step<ToolStepInput<Tool>, SchemaOutputOr<OutputSchema, unknown>> {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("toolStep() needs an object: { tool, name?, output? }.");
  const tool = options.tool;
  if (typeof tool !== "object" || tool === null || typeof tool.invoke !== "function" || typeof tool.name !== "string") {
    throw new ConfigurationError("toolStep() needs tool: a tool from defineTool() (or any AgentTool).");
  }
  const name = options.name ?? tool.name;
  checkStepName(name, "toolStep()");
  const owner = `toolStep "${name}"`;
  checkSchemaOption(options.output, "output", owner);
  return leafStep({
    name,
    kind: "tool",
    async perform(raw: unknown, context: LeafContext): Promise<LeafResult> {
      let input = raw;
      const toolContext = contextFor(context);
      const decision = context.resumption?.values[context.path];
      if (isApprovalDecision(decision)) {
        if (!decision.approved) throw new Error(`The call to ${tool.name} was denied: ${decision.reason}`);
        if (decision.input !== undefined) input = decision.input;
      } else if (decision !== undefined) {
        throw new ConfigurationError(`${owner} was resumed with ${JSON.stringify(decision)}; pass approve() or deny("reason") from @sluice/tools.`);
      } else if (isDefinedTool(tool) && tool.hasApprovalRule && (await tool.requiresApproval(input, toolContext))) {
        const data = { kind: "approval", ...(tool.description && { description: tool.description }) };
        const pending = { id: context.path, path: context.path, kind: "step" as const, reason: approvalRequiredReason, data, toolName: tool.name, toolInput: input };
        return { type: "paused", pause: { reason: approvalRequiredReason, data, pending: [pending] } };
      }
      const output = await invokeWithTimeout(tool, input, toolContext);
      if (output.status === "error") throw new Error(`The tool ${tool.name} returned an error: ${textOf(output) || "(no message)"}`);
      return { type: "output", output: await checkBoundary(options.output, resultValue(output), context.path, "output") };
    },
  });
}

function contextFor(context: LeafContext): ToolContext {
  return {
    signal: context.signal,
    toolUseId: context.path,
    step: 0,
    runId: context.path,
    context: {},
    resolve: () => {
      throw new ConfigurationError(`The tool of step "${context.path}" asked for a registered service; a tool step runs outside any agent and has no container.`);
    },
  };
}

async function invokeWithTimeout(tool: AgentTool, input: unknown, context: ToolContext): Promise<ToolOutput> {
  if (tool.timeoutMs === undefined) return tool.invoke(input, context);
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(tool.timeoutMs)]);
  return tool.invoke(input, { ...contextWithSignal(context, signal) });
}

function contextWithSignal(context: ToolContext, signal: AbortSignal): ToolContext {
  return Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(context), signal: { value: signal, enumerable: true } }) as ToolContext;
}

/** A tool result as a value: one JSON block's value, text blocks' text, else the blocks. */
function resultValue(output: ToolOutput): unknown {
  const blocks = output.content;
  if (blocks.length === 1 && blocks[0]?.json !== undefined) return blocks[0].json;
  if (blocks.every((block) => block.text !== undefined)) return textOf(output);
  return blocks;
}

function textOf(output: ToolOutput): string {
  return output.content.map((block) => block.text ?? "").join("\n");
}

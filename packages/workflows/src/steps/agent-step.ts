import { ConfigurationError, type Agent, type AgentInput, type AgentResult, type Middleware } from "@sluice/core";
import type { ZodSchemaLike } from "@sluice/tools";
import type { StepPauseRecord } from "../executor/step-executor.js";
import { checkBoundary, checkSchemaOption, type SchemaOutputOr } from "./check-boundary.js";
import type { LeafContext, LeafResult } from "./execute-leaf.js";
import { leafStep } from "./leaf-step.js";
import { runAgentInLeaf } from "./run-agent.js";
import { checkStepName } from "./step-names.js";
import type { Step } from "./step.js";

/**
 * What an agent factory gets: the step's input and path, the run's signal, and the workflow's
 * middleware (pass it to the agent so the same model, tool and run hooks apply inside the step).
 *
 * @example
 * agent: ({ middleware }) => new Agent({ modelId, system: "You write.", middleware })
 */
export interface AgentStepContext<Input = unknown> {
  readonly input: Input;
  readonly path: string;
  readonly signal: AbortSignal;
  readonly middleware: readonly Middleware[];
}

/**
 * The agent of a step: one `Agent` (its conversation goes on across calls and is kept in the
 * workflow's state), or a factory building a fresh agent for every invocation.
 *
 * @example
 * const shared: AgentSource = writer;
 * const fresh: AgentSource = () => new Agent({ modelId, system: "You review drafts." });
 */
export type AgentSource<Input = unknown> = Agent | ((context: AgentStepContext<Input>) => Agent | Promise<Agent>);

/**
 * Options of `agentStep(...)`.
 *
 * @example
 * const options = { name: "write", agent: writer, prompt: (notes: string) => `Write a paragraph from: ${notes}` };
 */
export interface AgentStepOptions<InputSchema, OutputSchema, Input, Mapped> {
  /** Unique among its siblings; part of the step's path. */
  name: string;
  agent: AgentSource<Input>;
  /** A zod schema the step's input must satisfy. Without one, the input is a string unless `prompt` says otherwise. */
  input?: InputSchema;
  /** A zod schema the step's output (what `result` returns, else the answer's text) must satisfy. */
  output?: OutputSchema;
  /** What to send the agent for an input. Default: the input itself when it is a string, else its JSON. */
  prompt?: (input: Input) => AgentInput;
  /** The step's output from the agent's result. Default: the answer's text. */
  result?: (result: AgentResult, input: Input) => Mapped | Promise<Mapped>;
}

/**
 * A step that runs an agent: sends it the input (through `prompt`), and gives its answer (through
 * `result`) as the step's output. The agent's own model, tool and run middleware apply as
 * always. A tool call that a tool middleware pauses (an approval) pauses the workflow; the
 * agent's snapshot goes into the workflow's state, so the run resumes in another process.
 *
 * @example
 * const research = agentStep({
 *   name: "research",
 *   agent: () => new Agent({ modelId, system: "You research topics and list facts." }),
 *   input: z.object({ topic: z.string() }),
 *   prompt: ({ topic }) => `List five facts about ${topic}.`,
 * }); // Step<{ topic: string }, string>
 */
export function agentStep<
  const InputSchema extends ZodSchemaLike | undefined = undefined,
  const OutputSchema extends ZodSchemaLike | undefined = undefined,
  Input = SchemaOutputOr<InputSchema, string>,
  Mapped = string,
>(options: AgentStepOptions<InputSchema, OutputSchema, Input, Mapped>): Step<Input, SchemaOutputOr<OutputSchema, Mapped>> {
  if (typeof options !== "object" || options === null) throw new ConfigurationError("agentStep() needs an object: { name, agent, input?, output?, prompt?, result? }.");
  checkStepName(options.name, "agentStep()");
  const owner = `agentStep "${options.name}"`;
  const source = options.agent;
  checkAgentSource(source, owner);
  checkSchemaOption(options.input, "input", owner);
  checkSchemaOption(options.output, "output", owner);
  for (const key of ["prompt", "result"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "function") throw new ConfigurationError(`${owner}: ${key} must be a function.`);
  }
  const shared = isAgent(source) ? source : undefined;
  return leafStep({
    name: options.name,
    kind: "agent",
    async perform(raw: unknown, context: LeafContext): Promise<LeafResult> {
      const input = options.input === undefined ? (raw as Input) : await checkBoundary<Input>(options.input, raw, context.path, "input");
      const agent = shared ?? buildAgent(source as Exclude<AgentSource<Input>, Agent>, input, context, owner);
      if (agent instanceof Promise) return finish(await agent, input, context);
      return finish(agent, input, context);
    },
    replay(record) {
      if (shared && record.agent) shared.restore(record.agent);
    },
  });

  /** Runs (or resumes) the agent and makes the step's output from its result. */
  async function finish(agent: Agent, input: Input, context: LeafContext): Promise<LeafResult> {
    const result = await runAgentInLeaf(agent, () => (options.prompt ? options.prompt(input) : defaultPrompt(input)), context);
    if (result.status === "interrupted") return { type: "paused", pause: agentPause(agent, result, context.path) };
    const mapped = options.result ? await options.result(result, input) : result.text;
    const output = options.output === undefined ? mapped : await checkBoundary(options.output, mapped, context.path, "output");
    return { type: "output", output, usage: result.usage, ...(shared && { agent: shared.snapshot() }) };
  }
}

/** The pause record of an agent whose run a tool middleware paused. */
export function agentPause(agent: Agent, result: AgentResult, path: string): StepPauseRecord {
  const interrupts = result.interrupts ?? [];
  return {
    reason: interrupts[0]?.reason ?? "tool-interrupt",
    pending: interrupts.map((interrupt) => ({
      id: interrupt.toolUseId,
      path,
      kind: "tool" as const,
      reason: interrupt.reason,
      ...(interrupt.data !== undefined && { data: interrupt.data }),
      toolName: interrupt.name,
      toolInput: interrupt.input,
    })),
    agent: agent.snapshot(),
  };
}

/** What an agent is sent for a step input without a `prompt`: a string as it is, anything else as JSON. */
export function defaultPrompt(input: unknown): AgentInput {
  if (typeof input === "string") return input;
  return JSON.stringify(input, null, 2) ?? String(input);
}

/** Calls an agent factory with the step's context and checks that it gave an agent (a promise only when the factory gave one). */
export function buildAgent<Input>(factory: (context: AgentStepContext<Input>) => Agent | Promise<Agent>, input: Input, context: LeafContext, owner: string): Agent | Promise<Agent> {
  const built = factory({ input, path: context.path, signal: context.signal, middleware: context.scope.run.middleware });
  if (built instanceof Promise) return built.then((agent) => checkBuilt(agent, owner));
  return checkBuilt(built, owner);
}

function checkBuilt(built: unknown, owner: string): Agent {
  if (!isAgent(built)) throw new ConfigurationError(`${owner}: the agent factory returned ${typeof built}, not an Agent.`);
  return built;
}

/** True for an `Agent` (by shape, so duplicate package copies work). */
export function isAgent(value: unknown): value is Agent {
  return typeof value === "object" && value !== null && typeof (value as Agent).send === "function" && typeof (value as Agent).snapshot === "function";
}

/** Refuses an `agent` option that is neither an agent nor a factory. */
export function checkAgentSource(source: unknown, owner: string): void {
  if (typeof source !== "function" && !isAgent(source)) {
    throw new ConfigurationError(`${owner} needs agent: an Agent (one conversation across calls) or a function building a fresh Agent per call.`);
  }
}

import { ConfigurationError, type Agent, type AgentTool, type Middleware, type ToolContext, type ToolOutput } from "@sluice/core";
import { PauseSignal } from "../run/pause-signal.js";
import { agentPause, agentStep, buildAgent, isAgent, type AgentSource } from "../steps/agent-step.js";
import { executeLeaf, type Leaf, type LeafContext, type LeafResult } from "../steps/execute-leaf.js";
import { runAgentInLeaf } from "../steps/run-agent.js";
import { childScope } from "../steps/scope.js";
import { checkStepName } from "../steps/step-names.js";
import { runStep, stepNames, type Step } from "../steps/step.js";

/** A worker a supervisor can give work to: a step taking the task as text, or an agent. */
export interface Worker {
  /** What the worker does; the supervisor model reads it (as the worker tool's description). */
  description: string;
  /** The worker: any step taking a string (an agent step, a workflow…), or an agent (a fresh one per task with a factory). */
  run: Step<string, unknown> | AgentSource<string>;
}

/**
 * What the supervisor agent factory gets: one tool per worker (named after its key) and the
 * workflow's middleware.
 *
 * @example
 * agent: ({ tools, middleware }) => new Agent({ modelId, system: "Plan, delegate, then answer.", tools, middleware })
 */
export interface SupervisorContext {
  readonly tools: AgentTool[];
  readonly middleware: readonly Middleware[];
  readonly input: string;
  readonly path: string;
  readonly signal: AbortSignal;
}

/**
 * Options of `supervisor(...)`.
 *
 * @example
 * const options = { agent: ({ tools }) => new Agent({ modelId, tools }), workers: { researcher, writer }, maxTasks: 6 };
 */
export interface SupervisorOptions<Keys extends string> {
  /** Builds the supervisor agent; give it the worker tools from the context. */
  agent: (context: SupervisorContext) => Agent | Promise<Agent>;
  workers: Record<Keys, Worker>;
  /** Most tasks given to workers in one run (further calls get an error result asking for the answer). Default 10. */
  maxTasks?: number;
}

const keyPattern = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A supervisor agent that routes work to workers: each worker is a tool `<key>` with input
 * `{ task }`; the supervisor decides who does what, in which order, reads their results and
 * answers. Each task runs as a step under `<name>[<toolUseId>]/<worker>`, so its events, spans
 * and records are the workflow's; a resumed run replays finished tasks. The step's output is the
 * supervisor's answer.
 *
 * @example
 * const team = supervisor("team", {
 *   agent: ({ tools }) => new Agent({ modelId, system: "Delegate research and writing, then answer.", tools }),
 *   workers: {
 *     researcher: { description: "Finds facts", run: () => new Agent({ modelId, system: "You find facts." }) },
 *     writer: { description: "Writes prose from notes", run: writeStep },
 *   },
 * }); // Step<string, string>
 */
export function supervisor<Keys extends string>(name: string, options: SupervisorOptions<Keys>): Step<string, string> {
  checkStepName(name, "supervisor()");
  const owner = `supervisor "${name}"`;
  if (typeof options?.agent !== "function") throw new ConfigurationError(`${owner} needs agent: a function ({ tools }) => Agent that gives the agent the worker tools.`);
  const workers = options.workers as Record<string, Worker>;
  const keys = typeof workers === "object" && workers !== null ? Object.keys(workers) : [];
  if (keys.length === 0) throw new ConfigurationError(`${owner} needs workers: { key: { description, run } }.`);
  const maxTasks = options.maxTasks ?? 10;
  if (!Number.isInteger(maxTasks) || maxTasks < 1) throw new ConfigurationError(`${owner}: maxTasks must be a whole number ≥ 1.`);
  const steps = new Map<string, Step<string, unknown>>();
  for (const key of keys) {
    const worker = workers[key] as Worker;
    if (!keyPattern.test(key)) throw new ConfigurationError(`${owner}: the worker key "${key}" must be 1 to 64 of a-z A-Z 0-9 _ - (it becomes a tool name).`);
    if (typeof worker.description !== "string" || worker.description.trim() === "") throw new ConfigurationError(`${owner}: the worker "${key}" needs a description.`);
    const run = worker.run;
    if (typeof run === "object" && run !== null && runStep in run) steps.set(key, run);
    else if (typeof run === "function" || isAgent(run)) steps.set(key, agentStep({ name: key, agent: run }));
    else throw new ConfigurationError(`${owner}: the worker "${key}" needs run: a step taking a string, an Agent, or a function building one.`);
  }
  const leaf: Leaf = {
    name,
    kind: "agent",
    async perform(input: unknown, context: LeafContext): Promise<LeafResult> {
      if (typeof input !== "string" || input.trim() === "") throw new ConfigurationError(`${owner} needs a non-blank task as input.`);
      let tasks = 0;
      const tools = keys.map((key): AgentTool => ({
        name: key,
        description: (workers[key] as Worker).description,
        inputSchema: { type: "object", properties: { task: { type: "string", description: "The task for this worker, with everything it needs to know." } }, required: ["task"] },
        async invoke(raw: unknown, tool: ToolContext): Promise<ToolOutput> {
          const task = (raw as { task?: unknown } | undefined)?.task;
          if (typeof task !== "string" || task.trim() === "") return { content: [{ text: 'Give the worker a non-blank "task".' }], status: "error" };
          tasks += 1;
          if (tasks > maxTasks) return { content: [{ text: `The limit of ${maxTasks} tasks is reached; answer with what you have.` }], status: "error" };
          const scope = childScope(context.scope, `${context.path}[${tool.toolUseId}]`, tool.signal);
          try {
            const output = await (steps.get(key) as Step<string, unknown>)[runStep](task, scope);
            return { content: [typeof output === "string" ? { text: output } : { json: output as never }] };
          } catch (error) {
            if (error instanceof PauseSignal) return { content: [{ text: `The ${key} worker paused (${error.pending.map((p) => p.reason).join(", ")}); workers cannot pause inside a supervisor.` }], status: "error" };
            throw error;
          }
        },
      }));
      const agent = await buildAgent(({ middleware, path, signal }) => options.agent({ tools, middleware, input, path, signal }), input, context, owner);
      const result = await runAgentInLeaf(agent, () => input, context);
      if (result.status === "interrupted") return { type: "paused", pause: agentPause(agent, result, context.path) };
      return { type: "output", output: result.text, usage: result.usage };
    },
  };
  const built: Step<string, string> = {
    name,
    kind: "supervisor",
    [runStep]: (input, scope) => executeLeaf(leaf, input, scope) as Promise<string>,
    [stepNames]: [],
  };
  return Object.assign(built, { [stepNames]: [{ name, step: built }] });
}

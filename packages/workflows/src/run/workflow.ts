import { randomUUID } from "node:crypto";
import { ConfigurationError, type Middleware } from "@sluice/core";
import { describeThrown } from "@sluice/core/internal";
import type { ZodSchemaLike } from "@sluice/tools";
import { abortedAt } from "../errors/step-failures.js";
import { InMemoryStepExecutor } from "../executor/in-memory-step-executor.js";
import type { StepExecutorFactory } from "../executor/step-executor.js";
import { checkBoundary, checkSchemaOption, type SchemaOutputOr } from "../steps/check-boundary.js";
import { stepCall } from "../steps/execute-leaf.js";
import { childScope, type Scope } from "../steps/scope.js";
import { checkStepName, siblingNames } from "../steps/step-names.js";
import { runStep, stepNames, type AnyStep, type NamedStep, type Step, type StepInput, type StepOutput } from "../steps/step.js";
import { EventQueue } from "./event-queue.js";
import { PauseSignal } from "./pause-signal.js";
import { RunContext, type StepLayers } from "./run-context.js";
import { composeStepLayers, stepHooks } from "./step-layers.js";
import type { WorkflowEvent, WorkflowEventMap } from "./workflow-events.js";
import type { WorkflowResult } from "./workflow-result.js";
import { checkResume, type WorkflowState } from "./workflow-state.js";

/**
 * Options of `workflow(...)`.
 *
 * @example
 * const options = { name: "article", steps: sequence(research, write, review), middleware: [tracingMiddleware()] };
 */
export interface WorkflowOptions<Steps extends AnyStep, InputSchema, OutputSchema> {
  /** The workflow's name: the first part of every step's path, and what a saved state is checked against. */
  name: string;
  /** The step the workflow runs: usually a `sequence(...)` of steps. */
  steps: Steps;
  /** A zod schema the workflow's input must satisfy. */
  input?: InputSchema;
  /** A zod schema the workflow's output must satisfy. */
  output?: OutputSchema;
  /** Middleware whose `step` hooks wrap each step (and the workflow itself); agent factories get the list to pass to their agents. */
  middleware?: readonly Middleware[];
}

/** Per-run options of `run`, `stream` and `resume`. */
export interface WorkflowRunOptions {
  /** Aborting cancels every running step and agent (agents roll their turn back). */
  signal?: AbortSignal;
  /** Makes the run's step executor. Default: an `InMemoryStepExecutor` with the journal of the state being resumed. */
  executor?: StepExecutorFactory;
  /** The run's id (default: a new UUID; a resumed run keeps its state's). */
  runId?: string;
}

/**
 * What `workflow.stream()` returns: the run's events as they happen, and its result.
 *
 * @example
 * const running = flow.stream(input);
 * for await (const event of running) if (event.type === "step-finish") console.log(event.path);
 * const result = await running.result;
 */
export interface WorkflowStream<Output> extends AsyncIterable<WorkflowEvent> {
  /** Resolves when the run ends, whether or not the events are read. */
  readonly result: Promise<WorkflowResult<Output>>;
}

type Listener = (event: WorkflowEvent) => void;

/**
 * A runnable workflow: a named step with schemas and middleware. Run it with `run` (or `stream`
 * for its events), resume a paused run with `resume`, listen to every run with `on`. A workflow
 * is itself a step, so it nests in another workflow.
 *
 * @example
 * const flow = workflow({ name: "article", steps: sequence(research, write) });
 * const result = await flow.run({ topic: "tides" });
 */
export class Workflow<Input, Output> implements Step<Input, Output> {
  readonly name: string;
  readonly kind = "workflow" as const;
  readonly [stepNames]: readonly NamedStep[];
  private readonly root: AnyStep;
  private readonly inputSchema: ZodSchemaLike | undefined;
  private readonly outputSchema: ZodSchemaLike | undefined;
  private readonly middleware: readonly Middleware[];
  private readonly layers: StepLayers;
  private readonly listeners = new Map<WorkflowEvent["type"], Set<Listener>>();

  constructor(options: WorkflowOptions<AnyStep, ZodSchemaLike | undefined, ZodSchemaLike | undefined>) {
    if (typeof options !== "object" || options === null) throw new ConfigurationError("workflow() needs an object: { name, steps, input?, output?, middleware? }.");
    checkStepName(options.name, "workflow()");
    const owner = `workflow "${options.name}"`;
    siblingNames([options.steps], owner);
    checkSchemaOption(options.input, "input", owner);
    checkSchemaOption(options.output, "output", owner);
    if (options.middleware !== undefined && !Array.isArray(options.middleware)) throw new ConfigurationError(`${owner}: middleware must be an array.`);
    this.name = options.name;
    this.root = options.steps;
    this.inputSchema = options.input;
    this.outputSchema = options.output;
    this.middleware = options.middleware ?? [];
    this.layers = composeStepLayers(stepHooks(this.middleware));
    this[stepNames] = [{ name: this.name, step: this }];
  }

  /** Runs the workflow on `input`; resolves with its output, or with what it waits for when a step paused. */
  run(input: Input, options: WorkflowRunOptions = {}): Promise<WorkflowResult<Output>> {
    return this.execute(input, undefined, {}, options, undefined);
  }

  /** Like `run`, with the run's events (steps, and the agents' events tagged with step paths) as an async iterable. */
  stream(input: Input, options: WorkflowRunOptions = {}): WorkflowStream<Output> {
    return this.streamed((queue) => this.execute(input, undefined, {}, options, queue));
  }

  /**
   * Continues a paused run from its state (from this process or another): completed steps are
   * replayed from the state's records, not run again; each paused step continues once every
   * value it waits for is in `values` (keyed by `pending.id`); the rest stay paused.
   */
  resume(state: WorkflowState, values: Record<string, unknown> = {}, options: WorkflowRunOptions = {}): Promise<WorkflowResult<Output>> {
    try {
      const checked = checkResume(state, this.name, values);
      return this.execute(checked.input as Input, checked, values, options, undefined);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Like `resume`, with the run's events as an async iterable. */
  resumeStream(state: WorkflowState, values: Record<string, unknown> = {}, options: WorkflowRunOptions = {}): WorkflowStream<Output> {
    return this.streamed((queue) => {
      const checked = checkResume(state, this.name, values);
      return this.execute(checked.input as Input, checked, values, options, queue);
    });
  }

  /** Listens to an event of every run of this workflow. A listener that throws never fails a run (it is reported as a process warning). */
  on<Type extends WorkflowEvent["type"]>(type: Type, listener: WorkflowEventMap[Type]): this {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as Listener);
    return this;
  }

  /** Removes a listener added with `on`. */
  off<Type extends WorkflowEvent["type"]>(type: Type, listener: WorkflowEventMap[Type]): this {
    this.listeners.get(type)?.delete(listener as Listener);
    return this;
  }

  /** @internal Runs this workflow as a step of another one. */
  readonly [runStep] = (input: Input, scope: Scope): Promise<Output> => {
    const hooks = stepHooks(this.middleware);
    const run = hooks.length === 0 ? scope.run : scope.run.nested(composeStepLayers([...stepHooks(scope.run.middleware), ...hooks]), [...scope.run.middleware, ...this.middleware]);
    return this.perform(input, { ...scope, run }, `${scope.prefix}/${this.name}`, true);
  };

  private streamed(start: (queue: EventQueue<WorkflowEvent>) => Promise<WorkflowResult<Output>>): WorkflowStream<Output> {
    const queue = new EventQueue<WorkflowEvent>();
    let result: Promise<WorkflowResult<Output>>;
    try {
      result = start(queue);
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      () => queue.end(),
      (error: unknown) => queue.end(error),
    );
    result.catch(() => undefined); // reading only the events must not leave an unhandled rejection
    return { result, [Symbol.asyncIterator]: () => queue[Symbol.asyncIterator]() };
  }

  private async execute(
    input: Input,
    state: WorkflowState | undefined,
    values: Record<string, unknown>,
    options: WorkflowRunOptions,
    queue: EventQueue<WorkflowEvent> | undefined,
  ): Promise<WorkflowResult<Output>> {
    const runId = state?.runId ?? options.runId ?? randomUUID();
    const records = state?.records ?? {};
    const executor = (options.executor ?? ((context) => new InMemoryStepExecutor(context)))({ workflow: this.name, runId, records, values });
    const observed = queue !== undefined || this.listeners.size > 0;
    const context = new RunContext({
      workflow: this.name,
      runId,
      executor,
      stepLayers: this.layers,
      middleware: this.middleware,
      emit: (event) => {
        queue?.push(event);
        this.dispatch(event);
      },
      observed,
      wantsAgentEvents: queue !== undefined || (this.listeners.get("agent-event")?.size ?? 0) > 0,
    });
    if (observed) context.emit({ type: "workflow-start", workflow: this.name, runId, resumed: state !== undefined });
    const signal = options.signal ?? new AbortController().signal;
    let outcome: { output: Output } | { pause: PauseSignal };
    try {
      outcome = { output: await this.perform(input, { run: context, prefix: "", signal }, this.name, false) };
    } catch (error) {
      if (!(error instanceof PauseSignal)) throw error;
      outcome = { pause: error };
    }
    const finalState: WorkflowState = { format: "sluice.workflow", version: 1, workflow: this.name, runId, input, records: executor.records?.() ?? {} };
    const base = { runId, usage: { ...context.usage }, state: finalState };
    const result: WorkflowResult<Output> = "output" in outcome ? { status: "complete", output: outcome.output, ...base } : { status: "paused", pending: outcome.pause.pending, ...base };
    if (observed) context.emit({ type: "workflow-finish", result });
    return result;
  }

  /** Checks the input, runs the steps (through the `step` middleware, as a `workflow` step), checks the output. */
  private async perform(input: Input, scope: Scope, path: string, nested: boolean): Promise<Output> {
    const { run, signal } = scope;
    if (signal.aborted) throw abortedAt(path, signal);
    const observed = nested && run.observed;
    const started = observed ? performance.now() : 0;
    if (observed) run.emit({ type: "step-start", path, name: this.name, kind: "workflow" });
    let pause: PauseSignal | undefined;
    const work = async (value: unknown): Promise<{ type: "output"; output: unknown } | { type: "paused"; reason: string; data: unknown }> => {
      try {
        const parsed = await checkBoundary(this.inputSchema, value, path, "input");
        const output = await this.root[runStep](parsed, childScope(scope, path));
        return { type: "output", output: await checkBoundary(this.outputSchema, output, path, "output") };
      } catch (error) {
        if (!(error instanceof PauseSignal)) throw error;
        pause = error;
        return { type: "paused", reason: "waiting", data: error.pending };
      }
    };
    try {
      const outcome = run.stepLayers ? await run.stepLayers(stepCall("workflow", this.name, path, input, scope, false, work)) : await work(input);
      if (outcome.type === "paused") {
        throw pause ?? new ConfigurationError(`A step middleware answered the workflow "${path}" with a pause; only function, agent and tool steps can pause.`);
      }
      if (observed) run.emit({ type: "step-finish", path, name: this.name, kind: "workflow", output: outcome.output, durationMs: performance.now() - started, replayed: false });
      return outcome.output as Output;
    } catch (error) {
      if (observed) {
        if (error instanceof PauseSignal) run.emit({ type: "step-pause", path, name: this.name, kind: "workflow", pending: error.pending });
        else run.emit({ type: "step-fail", path, name: this.name, kind: "workflow", error, durationMs: performance.now() - started });
      }
      throw error;
    }
  }

  private dispatch(event: WorkflowEvent): void {
    const listeners = this.listeners.get(event.type);
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        const returned: unknown = listener(event);
        if (returned instanceof Promise) returned.catch((error: unknown) => reportListenerError(event.type, error));
      } catch (error) {
        reportListenerError(event.type, error);
      }
    }
  }
}

function reportListenerError(type: string, error: unknown): void {
  process.emitWarning(`A Sluice workflow "${type}" listener threw: ${describeThrown(error)}`, "SluiceListenerWarning");
}

/**
 * Makes a runnable workflow from a step (usually a `sequence(...)`). Its input and output types
 * are the step's, or its schemas' when given.
 *
 * @example
 * const article = workflow({ name: "article", steps: sequence(research, write, review) });
 * const result = await article.run({ topic: "tides" });
 * if (result.status === "complete") console.log(result.output);
 */
export function workflow<
  Steps extends AnyStep,
  const InputSchema extends ZodSchemaLike | undefined = undefined,
  const OutputSchema extends ZodSchemaLike | undefined = undefined,
>(options: WorkflowOptions<Steps, InputSchema, OutputSchema>): Workflow<SchemaOutputOr<InputSchema, StepInput<Steps>>, SchemaOutputOr<OutputSchema, StepOutput<Steps>>> {
  return new Workflow(options);
}

import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { container as rootContainer, type DependencyContainer } from "tsyringe";
import { Conversation } from "../conversation/conversation.js";
import type { ConversationStore } from "../conversation/conversation-store.js";
import { registerDefaults } from "../di/register-sluice.js";
import { Tokens } from "../di/tokens.js";
import { AbortError } from "../errors/abort-error.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { ConversationConflictError } from "../errors/conversation-conflict-error.js";
import { ConversationStoreError } from "../errors/conversation-store-error.js";
import { describeThrown } from "../errors/describe-thrown.js";
import { redactingLogger } from "../logging/redacting-logger.js";
import { compose, type WrapPoint } from "../middleware/compose.js";
import { splitMiddleware } from "../middleware/middleware.js";
import { checkMiddlewareList } from "../middleware/check-middleware.js";
import type { AgentRun } from "../middleware/run-middleware.js";
import type { Clock } from "../logging/clock.js";
import { silentLogger, type Logger } from "../logging/logger.js";
import { ToolRegistry } from "../tools/tool-registry.js";
import type { AgentEvent, AgentEventMap } from "./agent-events.js";
import type { AgentInput } from "./agent-input.js";
import { applyConfiguration, requestBaseOf } from "./agent-configuration.js";
import { defaultMaxSteps, defaultToolConcurrency, defaultToolTimeoutMs, type AgentOptions } from "./agent-options.js";
import type { AgentResult } from "./agent-result.js";
import { pausedFromJson, pausedToJson, type AgentSnapshot } from "./agent-snapshot.js";
import { EventChannel } from "./event-channel.js";
import { neverAbortedSignal } from "./never-aborted-signal.js";
import { createModelPipeline } from "./model-pipeline.js";
import { RunQueue } from "./run-queue.js";
import { ToolExecutor } from "./tool-executor.js";
import { GuardedEmitter } from "./listener-guard.js";
import { runFailure } from "./run-outcome.js";
import { runTurn, type PausedTurn, type TurnSettings, type TurnStart } from "./turn-runner.js";
import { turnStartFor } from "./turn-start.js";
import { validateAgentOptions, validateModelId } from "./validate-options.js";
import type { RunContext, ServiceResolver } from "./run-context.js";

/** Per-call options of `send`, `stream` and `resume`. */
export interface RunOptions {
  /** Aborting cancels the model's HTTP request and running tools, and rolls the turn back. */
  signal?: AbortSignal;
  /** This run's context, merged over the agent's `context` option (see `RunContext`). */
  context?: RunContext;
}

/** What `agent.stream()` returns: the run's events as they happen, and its result. */
export interface AgentStream extends AsyncIterable<AgentEvent> {
  /** Resolves when the run ends (whether or not the events are read). */
  readonly result: Promise<AgentResult>;
}

/**
 * An agent: one conversation with a model on Bedrock, the tool loop, and the middleware pipeline.
 * `send()` and `stream()` continue the same conversation; overlapping calls wait their turn.
 * Events of every run are also emitted (`agent.on("text-delta", ...)`).
 *
 * @example
 * const agent = new Agent({ modelId: "us.amazon.nova-lite-v1:0", system: "Be brief.", tools: [weather] });
 * const first = await agent.send("Weather in Paris?");
 * for await (const event of agent.stream("And in Rome?")) if (event.type === "text-delta") process.stdout.write(event.text);
 */
export class Agent extends GuardedEmitter<AgentEventMap> {
  /** This agent's dependency container (a child of the one passed in options). */
  readonly container: DependencyContainer;
  private readonly options: AgentOptions;
  private readonly modelId: string;
  private readonly registry: ToolRegistry;
  private readonly queue: RunQueue;
  private current: Conversation;
  private paused: PausedTurn | undefined;
  private loaded: boolean;
  /** The store's revision of the conversation as loaded or last saved; undefined when the store keeps none. */
  private revision: number | undefined;
  private wiring: AgentWiring | undefined;
  /** Reaches this agent's container, typed by token; what calls and tools get instead of the container. */
  private readonly resolve: ServiceResolver;

  constructor(options: AgentOptions) {
    super();
    validateAgentOptions(options);
    this.options = options;
    this.container = (options.container ?? rootContainer).createChildContainer();
    const container = this.container;
    this.resolve = (token) => container.resolve(token);
    registerDefaults(this.container, options);
    const modelId = options.modelId ?? (this.container.isRegistered(Tokens.ModelId, true) ? this.container.resolve(Tokens.ModelId) : undefined);
    validateModelId(modelId);
    this.modelId = modelId;
    if (options.conversationId !== undefined && !this.store()) {
      throw new ConfigurationError(
        "conversationId needs a store to load from and save to: pass store (e.g. new InMemoryConversationStore()) or register one with registerSluice(container, { store }).",
      );
    }
    this.registry = new ToolRegistry(options.tools ?? []);
    this.container.register(Tokens.ToolRegistry, { useValue: this.registry });
    this.queue = new RunQueue(options.concurrency ?? "queue");
    this.current = this.initialConversation();
    this.loaded = options.conversationId === undefined;
  }

  /** The committed conversation (never a half-finished turn). */
  get conversation(): Conversation {
    return this.current;
  }

  /** The tool calls a paused run waits on, or undefined when no run is paused. */
  get pendingInterrupts(): AgentResult["interrupts"] {
    return this.paused?.interrupts;
  }

  /**
   * Sends user input and runs the loop until the model answers. With no input, continues a
   * conversation that ends with tool results (after `maxSteps`).
   */
  send(input?: AgentInput, options: RunOptions = {}): Promise<AgentResult> {
    return this.queue.run(() => this.execute(input, undefined, false, options, undefined));
  }

  /** Like `send`, but streams: iterate the events as the model produces them; `result` resolves at the end. */
  stream(input?: AgentInput, options: RunOptions = {}): AgentStream {
    const channel = new EventChannel<AgentEvent>();
    const result = this.queue.run(() => this.execute(input, undefined, true, options, channel));
    result.then(
      () => channel.close(),
      (error: unknown) => channel.fail(error),
    );
    result.catch(() => undefined); // reading only the events must not leave an unhandled rejection
    return { result, [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator]() };
  }

  /**
   * Resumes a run paused by a tool middleware (for example an approval). `values` maps each
   * paused toolUseId to the value its middleware receives as `call.resumeValue`.
   */
  resume(values: Record<string, unknown>, options: RunOptions = {}): Promise<AgentResult> {
    return this.queue.run(() => this.execute(undefined, values, false, options, undefined));
  }

  /** The agent's state as plain JSON (conversation and any paused run). */
  snapshot(): AgentSnapshot {
    return {
      format: "sluice.agent",
      version: 1,
      conversation: this.current.snapshot(),
      ...(this.paused && { paused: pausedToJson(this.paused) }),
    };
  }

  /** Replaces this agent's state with a snapshot from `snapshot()` (of this or another agent). */
  restore(snapshot: AgentSnapshot): void {
    if (typeof snapshot !== "object" || snapshot === null || snapshot.format !== "sluice.agent" || snapshot.version !== 1) {
      throw new ConfigurationError('Not an agent snapshot (expected format "sluice.agent", version 1). Pass what agent.snapshot() returned.');
    }
    if (this.queue.busy) throw new ConfigurationError("Cannot restore while a run is in progress; await it first.");
    // Everything is read and checked before anything is replaced: a bad snapshot changes nothing.
    const conversation = Conversation.restore(snapshot.conversation);
    const paused = snapshot.paused === undefined ? undefined : pausedFromJson(snapshot.paused, conversation);
    this.current = conversation;
    this.paused = paused;
    this.loaded = true;
  }

  private async execute(
    input: AgentInput | undefined,
    resumeValues: Record<string, unknown> | undefined,
    streaming: boolean,
    options: RunOptions,
    channel: EventChannel<AgentEvent> | undefined,
  ): Promise<AgentResult> {
    const signal = options.signal ?? neverAbortedSignal;
    let start: TurnStart | undefined;
    let wiring: AgentWiring;
    let committed = false;
    try {
      wiring = this.wiring ??= this.wire();
      if (!this.loaded) await this.load();
      start = turnStartFor(this.current, this.paused, input, resumeValues);
    } catch (error) {
      throw runFailure(error, { start: undefined, signal, conversationLength: this.current.length, committed });
    }
    const turnStart = start;
    const { logger, clock } = wiring;
    const emit = (event: AgentEvent): void => {
      channel?.push(event);
      this.emit(event.type, event as never);
    };
    const started = clock.now();
    const logContext = { agent: this.options.name, modelId: this.modelId, streaming };
    const run: AgentRun = {
      runId: randomUUID(),
      modelId: this.modelId,
      agentName: this.options.name,
      conversationId: this.options.conversationId,
      streaming,
      signal,
      input,
      resuming: resumeValues !== undefined,
      context: { ...this.options.context, ...options.context },
      resolve: this.resolve,
    };
    const turn = async (): Promise<AgentResult> => {
      try {
        const { result, paused } = await runTurn(this.settings(wiring, run, emit), turnStart);
        // An abort that arrived after the model's answer (from a listener, a tool) still wins.
        if (signal.aborted) throw new AbortError("The agent run was aborted.", { cause: signal.reason });
        if (paused) {
          this.paused = paused;
        } else {
          await this.commit(result, turnStart);
          this.paused = undefined;
        }
        committed = true;
        emit({ type: "finish", result });
        return result;
      } catch (error) {
        throw runFailure(error, { start: turnStart, signal, conversationLength: this.current.length, committed });
      }
    };
    try {
      const result = await wiring.runPipeline(run, turn);
      logger.info(
        { ...logContext, runId: run.runId, status: result.status, stopReason: result.stopReason, steps: result.steps.length, usage: result.usage, durationMs: clock.now() - started },
        "agent run finished",
      );
      return result;
    } catch (error) {
      const failure = runFailure(error, { start: turnStart, signal, conversationLength: this.current.length, committed });
      logger.warn(
        { ...logContext, runId: run.runId, error: failure.name, code: failure.code, message: failure.message, rolledBack: failure.rolledBack, durationMs: clock.now() - started },
        failure.rolledBack ? "agent run failed and was rolled back" : "agent run failed after its turn was committed",
      );
      throw failure;
    }
  }

  /**
   * Everything fixed for the agent's life, built at its first run (so idle agents hold no model
   * or pipelines): the model, the composed pipelines, the tool executor, logger and clock.
   */
  private wire(): AgentWiring {
    const registered = this.container.isRegistered(Tokens.Middleware, true) ? this.container.resolve(Tokens.Middleware) : [];
    checkMiddlewareList(registered, "the middleware registered under Tokens.Middleware");
    const middleware = splitMiddleware([...registered, ...(this.options.middleware ?? [])]);
    const model = this.container.resolve(Tokens.Model);
    const logger = redactingLogger(this.container.resolve(Tokens.Logger));
    const clock = this.container.resolve(Tokens.Clock);
    if (process.env.AWS_BEARER_TOKEN_BEDROCK) {
      // Several clients let this variable silently replace SigV4 credentials; say so once.
      logger.info(
        { agent: this.options.name, modelId: this.modelId, auth: "bearer" },
        "AWS_BEARER_TOKEN_BEDROCK is set: the AWS SDK authenticates with this Bedrock API key instead of SigV4 credentials",
      );
    }
    const runLayers = compose(middleware.run, (run: RunCall) => run.turn(), runWrapPoint);
    return {
      logger,
      clock,
      runPipeline: (run, turn) => runLayers({ ...run, turn }),
      requestBase: requestBaseOf(this.options, this.modelId),
      callModel: createModelPipeline(middleware.model, model),
      tools: new ToolExecutor({
        registry: this.registry,
        middleware: middleware.tool,
        concurrency: this.options.toolExecution === "sequential" ? 1 : (this.options.toolConcurrency ?? defaultToolConcurrency),
        defaultTimeoutMs: this.options.toolTimeoutMs ?? defaultToolTimeoutMs,
        failuresAreFatal: this.options.toolErrors === "throw",
        clock,
      }),
    };
  }

  private settings(wiring: AgentWiring, run: AgentRun, emit: (event: AgentEvent) => void): TurnSettings {
    return {
      conversation: this.current,
      requestBase: wiring.requestBase,
      callModel: wiring.callModel,
      tools: wiring.tools,
      maxSteps: this.options.maxSteps ?? defaultMaxSteps,
      streaming: run.streaming,
      signal: run.signal,
      context: run.context,
      resolve: this.resolve,
      emit,
      wantsDeltas: deltaEvents.some((type) => this.listenerCount(type) > 0),
      runId: run.runId,
    };
  }

  private initialConversation(): Conversation {
    const given = this.options.conversation;
    const conversation =
      given === undefined ? new Conversation() : given instanceof Conversation ? given : Conversation.restore(given);
    applyConfiguration(conversation, this.options, this.registry, this.modelId);
    return conversation;
  }

  private async load(): Promise<void> {
    const store = this.store();
    const id = this.options.conversationId;
    if (store && id !== undefined) {
      let snapshot: Awaited<ReturnType<ConversationStore["load"]>>;
      try {
        if (store.loadWithRevision) {
          const stored = await store.loadWithRevision(id);
          snapshot = stored?.snapshot;
          this.revision = stored?.revision ?? 0;
        } else {
          snapshot = await store.load(id);
        }
      } catch (error) {
        throw new ConversationStoreError("load", id, `The conversation store's load("${id}") failed: ${describeThrown(error)}. No turn was run.`, error);
      }
      if (snapshot !== undefined && snapshot !== null) {
        let loaded: Conversation;
        try {
          loaded = Conversation.restore(snapshot);
        } catch (error) {
          if (error instanceof Error) error.message = `The snapshot the store loaded for "${id}" is refused: ${error.message}`;
          throw error;
        }
        applyConfiguration(loaded, this.options, this.registry, this.modelId);
        this.current = loaded;
      }
    }
    this.loaded = true;
  }

  /** Commits a finished turn: saved to the store first (if any), then appended, so both or neither happen. */
  private async commit(result: AgentResult, start: TurnStart): Promise<void> {
    const store = this.store();
    const id = this.options.conversationId;
    if (store && id !== undefined) {
      const next = this.current.fork();
      next.appendChecked(result.messages, start.replacesLast, start.pending?.revision ?? -1);
      next.addUsage(result.usage);
      const expected = this.revision;
      try {
        const saved = await (expected === undefined ? store.save(id, next.snapshot()) : store.save(id, next.snapshot(), { expectedRevision: expected }));
        this.revision = typeof saved === "object" && saved !== null && Number.isInteger(saved.revision) ? saved.revision : undefined;
        // A store that loads revisions but did not report the new one: reload before the next turn rather than guess.
        if (expected !== undefined && this.revision === undefined) this.loaded = false;
      } catch (error) {
        if (ConversationConflictError.isInstance(error)) {
          // Another writer saved first: this turn is dropped, and the next run starts from the store's state.
          this.loaded = false;
          this.revision = undefined;
          throw error;
        }
        throw new ConversationStoreError(
          "save",
          id,
          `The conversation store's save("${id}") failed: ${describeThrown(error)}. The turn was not added to the agent's conversation; ` +
            "the store may hold it if save() failed after writing.",
          error,
        );
      }
    }
    this.current.appendChecked(result.messages, start.replacesLast, start.pending?.revision ?? -1);
    this.current.addUsage(result.usage);
  }

  /** A listener that throws never fails a run: it is reported on `listener-error` (if anyone listens) and to the logger. */
  protected onListenerError(error: unknown, type: unknown): void {
    const logger = (this.wiring ??= this.wire()).logger;
    logger.warn({ agent: this.options.name, event: String(type), error: describeThrown(error) }, "an agent event listener threw; the run goes on");
    if (type !== "listener-error" && this.listenerCount("listener-error") > 0) {
      this.emit("listener-error", { type: "listener-error", eventType: String(type), error });
    } else if (logger === silentLogger) {
      process.emitWarning(`A Sluice agent "${String(type)}" listener threw: ${describeThrown(error)}`, "SluiceListenerWarning");
    }
  }

  private store(): ConversationStore | undefined {
    return this.options.store ?? (this.container.isRegistered(Tokens.ConversationStore, true) ? this.container.resolve(Tokens.ConversationStore) : undefined);
  }

}

const deltaEvents = ["text-delta", "reasoning-delta", "tool-use-start", "tool-use-delta"] as const;

/** What `wire()` builds once per agent. */
interface AgentWiring {
  logger: Logger;
  clock: Clock;
  runPipeline: (run: AgentRun, turn: () => Promise<AgentResult>) => Promise<AgentResult>;
  requestBase: TurnSettings["requestBase"];
  callModel: TurnSettings["callModel"];
  tools: ToolExecutor;
}

/** A run as it passes through the run layers, carrying the turn the innermost layer runs. */
type RunCall = AgentRun & { turn: () => Promise<AgentResult> };

const runWrapPoint: WrapPoint<RunCall, [], AgentResult> = {
  kind: "run",
  rebind: (run) => run,
  isResult: (value): value is AgentResult => typeof value === "object" && value !== null && typeof (value as AgentResult).status === "string",
  expected: "the AgentResult from next()",
};

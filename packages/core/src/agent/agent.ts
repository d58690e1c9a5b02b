import { randomUUID } from "node:crypto";
import type { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import type { DependencyContainer, InjectionToken } from "tsyringe";
import { createBedrockClient, usesEnvironmentApiKey } from "../client/create-bedrock-client.js";
import { Conversation } from "../conversation/conversation.js";
import type { ConversationStore } from "../conversation/conversation-store.js";
import { Tokens } from "../di/tokens.js";
import { AgentBusyError } from "../errors/agent-errors.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { describeThrown } from "../errors/describe-thrown.js";
import { redactingLogger } from "../logging/redacting-logger.js";
import { compose, createModelPipeline, type WrapPoint } from "../middleware/compose.js";
import { splitMiddleware } from "../middleware/middleware.js";
import { checkMiddlewareList } from "../middleware/check-middleware.js";
import { systemClock, type Clock } from "../logging/clock.js";
import { silentLogger, type Logger } from "../logging/logger.js";
import { ConverseModel } from "../model/converse-model.js";
import type { Model } from "../model/model.js";
import { ToolRegistry } from "../tools/tool-registry.js";
import type { AgentEvent, AgentEventMap } from "./agent-events.js";
import type { AgentInput } from "./agent-input.js";
import { applyConfiguration, requestBaseOf } from "./agent-configuration.js";
import { defaultMaxSteps, defaultToolConcurrency, defaultToolTimeoutMs, type AgentOptions } from "./agent-options.js";
import type { AgentResult } from "./agent-result.js";
import { pausedFromJson, pausedToJson, type AgentSnapshot } from "./agent-snapshot.js";
import { EventChannel } from "./event-channel.js";
import { neverAbortedSignal } from "./never-aborted-signal.js";
import { ToolExecutor } from "./tool-executor.js";
import { GuardedEmitter } from "./listener-guard.js";
import { runFailure } from "./run-outcome.js";
import { AgentState, Run, type RunWiring } from "./run.js";
import type { RunContext, ServiceResolver } from "./run-context.js";
import { runStartFor, type RunRequest } from "./run-start.js";
import { validateAgentOptions, validateModelId } from "./validate-options.js";

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
  private readonly options: AgentOptions;
  private readonly modelId: string;
  private readonly registry: ToolRegistry;
  private readonly state: AgentState;
  private readonly store: ConversationStore | undefined;
  /** Reaches this agent's parts and container, typed by token; what calls and tools get instead of the container. */
  private readonly resolve: ServiceResolver;
  private wiring: AgentWiring | undefined;
  private child: DependencyContainer | undefined;
  /** Puts the agent's system prompt and tools into a conversation. */
  private readonly configure: (conversation: Conversation) => void;
  /** The runs started and not finished; later ones wait for earlier ones (`concurrency: "queue"`). */
  private active = 0;
  /** The last run enqueued; the next one starts when it settles. */
  private queueTail: Promise<unknown> = Promise.resolve();

  constructor(options: AgentOptions) {
    super();
    validateAgentOptions(options);
    this.options = options;
    this.resolve = (token) => this.resolveService(token);
    const modelId = options.modelId ?? registered(options.container, Tokens.ModelId);
    validateModelId(modelId);
    this.modelId = modelId;
    // Only a stored conversation needs the store: skip the container lookup otherwise.
    const store = options.conversationId === undefined ? undefined : (options.store ?? registered(options.container, Tokens.ConversationStore));
    this.store = store;
    if (options.conversationId !== undefined && !store) {
      throw new ConfigurationError(
        "conversationId needs a store to load from and save to: pass store (e.g. new InMemoryConversationStore()) or register one with registerSluice(container, { store }).",
      );
    }
    this.registry = new ToolRegistry(options.tools ?? []);
    const configure = configurer(options, this.registry, modelId);
    this.configure = configure;
    this.state = new AgentState({ store, conversationId: options.conversationId, configure }, this.initialConversation(configure));
  }

  /**
   * This agent's dependency container: a child of the `container` option, holding the agent's
   * own parts (its tool registry, model, and the logger and client of its options), made when
   * first asked for. Undefined for an agent built without a container: Sluice then uses none.
   */
  get container(): DependencyContainer | undefined {
    const parent = this.options.container;
    if (!parent || this.child) return this.child;
    const { model, client } = this.wired();
    const child = parent.createChildContainer();
    child.register(Tokens.ToolRegistry, { useValue: this.registry });
    child.register(Tokens.Model, { useValue: model });
    if (this.options.logger) child.register(Tokens.Logger, { useValue: this.options.logger });
    if (client) child.register(Tokens.BedrockClient, { useValue: client });
    this.child = child;
    return child;
  }

  /** The committed conversation (never a half-finished turn). */
  get conversation(): Conversation {
    return this.state.conversation;
  }

  /** The tool calls a paused run waits on, or undefined when no run is paused. */
  get pendingInterrupts(): AgentResult["interrupts"] {
    return this.state.paused?.interrupts;
  }

  /**
   * Sends user input and runs the loop until the model answers. With no input, continues a
   * conversation that ends with tool results (after `maxSteps`).
   */
  send(input?: AgentInput, options: RunOptions = {}): Promise<AgentResult> {
    return this.enqueue({ input }, options, undefined);
  }

  /** Like `send`, but streams: iterate the events as the model produces them; `result` resolves at the end. */
  stream(input?: AgentInput, options: RunOptions = {}): AgentStream {
    const channel = new EventChannel<AgentEvent>();
    const result = this.enqueue({ input }, options, channel);
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
    return this.enqueue({ resumeValues: values }, options, undefined);
  }

  /** The agent's state as plain JSON (conversation and any paused run). */
  snapshot(): AgentSnapshot {
    const paused = this.state.paused;
    return {
      format: "sluice.agent",
      version: 1,
      conversation: this.state.conversation.snapshot(),
      ...(paused && { paused: pausedToJson(paused) }),
    };
  }

  /** Replaces this agent's state with a snapshot from `snapshot()` (of this or another agent). */
  restore(snapshot: AgentSnapshot): void {
    if (typeof snapshot !== "object" || snapshot === null || snapshot.format !== "sluice.agent" || snapshot.version !== 1) {
      throw new ConfigurationError('Not an agent snapshot (expected format "sluice.agent", version 1). Pass what agent.snapshot() returned.');
    }
    if (this.active > 0) throw new ConfigurationError("Cannot restore while a run is in progress; await it first.");
    // Everything is read and checked before anything is replaced: a bad snapshot changes nothing.
    const conversation = Conversation.restore(snapshot.conversation);
    const paused = snapshot.paused === undefined ? undefined : pausedFromJson(snapshot.paused, conversation);
    this.state.replace(conversation, paused);
  }

  /**
   * Starts over with an empty conversation (the agent's system prompt and tools stay), dropping the
   * committed messages, their usage and any paused run: for a server that reuses one agent for
   * unrelated requests. Cheaper than `restore()`, which reads and checks a snapshot.
   *
   * @example
   * const agent = new Agent({ modelId, tools: [weather] });
   * app.post("/ask", async (req) => { agent.reset(); return (await agent.send(req.body.question)).text; });
   */
  reset(): void {
    if (this.options.conversationId !== undefined) {
      throw new ConfigurationError(
        "reset() cannot start over a stored conversation: the next save would replace what the store holds. Build an agent with a new conversationId instead.",
      );
    }
    if (this.active > 0) throw new ConfigurationError("Cannot reset while a run is in progress; await it first.");
    const conversation = new Conversation();
    this.configure(conversation);
    this.state.replace(conversation, undefined);
  }

  /**
   * Serialises the agent's runs so two overlapping calls never interleave one conversation:
   * `queue` makes later calls wait their turn (first come, first served); `reject` fails them.
   */
  private enqueue(request: RunRequest, options: RunOptions, channel: EventChannel<AgentEvent> | undefined): Promise<AgentResult> {
    if (this.options.concurrency === "reject" && this.active > 0) return Promise.reject(new AgentBusyError());
    this.active += 1;
    const start = () => this.execute(request, options, channel);
    // An idle agent starts at once; otherwise after the runs before this one settle, in order.
    const result = this.active === 1 ? start() : this.queueTail.then(start, start);
    this.queueTail = result;
    return result;
  }

  /** One run: load the stored conversation (first run), build the `Run`, pass it through the run middleware. */
  private async execute(request: RunRequest, options: RunOptions, channel: EventChannel<AgentEvent> | undefined): Promise<AgentResult> {
    // Every run counts as active from enqueue() until here, however it ends.
    try {
      const signal = options.signal ?? neverAbortedSignal();
      const streaming = channel !== undefined;
      let run: Run;
      let wiring: AgentWiring;
      try {
        wiring = this.wired();
        if (this.state.needsLoad) await this.state.load();
        const start = runStartFor(this.state.conversation, this.state.paused, request);
        run = new Run(
          {
            runId: randomUUID(),
            modelId: this.modelId,
            agentName: this.options.name,
            conversationId: this.options.conversationId,
            streaming,
            signal,
            input: "input" in request ? request.input : undefined,
            context: { ...this.options.context, ...options.context },
            resolve: this.resolve,
            emit: (event) => {
              channel?.push(event);
              this.emit(event.type, event as never);
            },
            listening: () => streaming || this.hasListeners(),
            wantsDeltas: this.hasListeners() && deltaEvents.some((type) => this.listenerCount(type) > 0),
          },
          start,
          this.state,
          wiring,
        );
      } catch (error) {
        throw runFailure(error, { start: undefined, signal, conversationLength: this.state.conversation.length, committed: false });
      }
      const { logger, clock } = wiring;
      // Nobody reads the silent logger's records: they are not built.
      const logs = logger !== silentLogger;
      const started = logs ? clock.now() : 0;
      try {
        const result = await wiring.runLayers(run);
        if (logs) {
          logger.info(
            { ...this.logContext(run), status: result.status, stopReason: result.stopReason, steps: result.steps.length, usage: result.usage, durationMs: clock.now() - started },
            "agent run finished",
          );
        }
        return result;
      } catch (error) {
        const failure = runFailure(error, { start: run.start, signal, conversationLength: this.state.conversation.length, committed: run.committed });
        if (logs) {
          logger.warn(
            { ...this.logContext(run), error: failure.name, code: failure.code, message: failure.message, rolledBack: failure.rolledBack, durationMs: clock.now() - started },
            failure.rolledBack ? "agent run failed and was rolled back" : "agent run failed after its turn was committed",
          );
        }
        throw failure;
      }
    } finally {
      this.active -= 1;
    }
  }

  private logContext(run: Run): Record<string, unknown> {
    return { agent: this.options.name, modelId: this.modelId, streaming: run.streaming, runId: run.runId };
  }

  /** The agent's wiring, built at its first use. */
  private wired(): AgentWiring {
    return (this.wiring ??= this.wire());
  }

  /**
   * Everything fixed for the agent's life, built at its first run (so idle agents hold no model
   * or pipelines): the model, the composed pipelines, the tool executor, logger and clock.
   */
  private wire(): AgentWiring {
    const { options } = this;
    const container = options.container;
    const registeredMiddleware = registered(container, Tokens.Middleware) ?? [];
    checkMiddlewareList(registeredMiddleware, "the middleware registered under Tokens.Middleware");
    const given = options.middleware ?? [];
    const middleware = registeredMiddleware.length + given.length === 0 ? noMiddleware : splitMiddleware([...registeredMiddleware, ...given]);
    // The options win, then the container, then Sluice's defaults (a client built at the first run).
    const ownClient = options.client ?? (options.clientOptions ? createBedrockClient(options.clientOptions) : undefined);
    let client = ownClient;
    const model: Model =
      options.model ??
      (ownClient ? undefined : registered(container, Tokens.Model)) ??
      converseModelOf((client ??= registered(container, Tokens.BedrockClient) ?? createBedrockClient()));
    const unredacted = options.logger ?? registered(container, Tokens.Logger) ?? silentLogger;
    const logger = redactingLogger(unredacted);
    const clock = registered(container, Tokens.Clock) ?? systemClock;
    // A client Sluice builds follows its clientOptions (explicit credentials or apiKey win); the
    // SDK's own clients prefer the variable whenever it is set. Only a logger can be told (and
    // reading the environment costs a call into Node per agent).
    const bearerFromEnvironment =
      unredacted !== silentLogger &&
      (options.clientOptions ? usesEnvironmentApiKey(options.clientOptions) : Boolean(process.env.AWS_BEARER_TOKEN_BEDROCK?.trim()));
    if (bearerFromEnvironment) {
      // Several clients let this variable silently replace SigV4 credentials; say so once.
      logger.info(
        { agent: options.name, modelId: this.modelId, auth: "bearer" },
        "AWS_BEARER_TOKEN_BEDROCK is set: the AWS SDK authenticates with this Bedrock API key instead of SigV4 credentials",
      );
    }
    return {
      model,
      client,
      logger,
      unredacted,
      clock,
      // The run middleware's innermost layer is the run's own loop.
      runLayers: compose(middleware.run, executeRun, runWrapPoint),
      requestBase: requestBaseOf(this.options, this.modelId),
      callModel: createModelPipeline(middleware.model, model),
      maxSteps: options.maxSteps ?? defaultMaxSteps,
      tools: new ToolExecutor({
        registry: this.registry,
        middleware: middleware.tool,
        concurrency: options.toolExecution === "sequential" ? 1 : (options.toolConcurrency ?? defaultToolConcurrency),
        defaultTimeoutMs: options.toolTimeoutMs ?? defaultToolTimeoutMs,
        failuresAreFatal: options.toolErrors === "throw",
        clock,
      }),
    };
  }

  private initialConversation(configure: (conversation: Conversation) => void): Conversation {
    const given = this.options.conversation;
    const conversation =
      given === undefined ? new Conversation() : given instanceof Conversation ? given : Conversation.restore(given);
    configure(conversation);
    return conversation;
  }

  /** A listener that throws never fails a run: it is reported on `listener-error` (if anyone listens) and to the logger. */
  protected onListenerError(error: unknown, type: unknown): void {
    const logger = this.wired().logger;
    logger.warn({ agent: this.options.name, event: String(type), error: describeThrown(error) }, "an agent event listener threw; the run goes on");
    if (type !== "listener-error" && this.listenerCount("listener-error") > 0) {
      this.emit("listener-error", { type: "listener-error", eventType: String(type), error });
    } else if (logger === silentLogger) {
      process.emitWarning(`A Sluice agent "${String(type)}" listener threw: ${describeThrown(error)}`, "SluiceListenerWarning");
    }
  }

  /**
   * What `resolve(token)` gives calls and tools: from the agent's container when it has one;
   * without one, the agent's own parts (Sluice's tokens), and an error saying how to register
   * anything else.
   */
  private resolveService<T>(token: InjectionToken<T>): T {
    const container = this.container;
    if (container) return container.resolve(token);
    const wiring = this.wired();
    const own: unknown =
      token === Tokens.ToolRegistry ? this.registry
      : token === Tokens.Model ? wiring.model
      : token === Tokens.Logger ? wiring.unredacted
      : token === Tokens.Clock ? wiring.clock
      : token === Tokens.ModelId ? this.modelId
      : token === Tokens.BedrockClient ? wiring.client
      : token === Tokens.ConversationStore ? this.store
      : token === Tokens.Middleware ? [...(this.options.middleware ?? [])]
      : undefined;
    if (own !== undefined) return own as T;
    throw new ConfigurationError(
      `Nothing is registered for ${String(token)}: this agent has no container. Register the service in a tsyringe container ` +
        '(registerSluice() from "@sluice/core/di" makes one) and pass it as new Agent({ container }).',
    );
  }
}

/**
 * The agent's `configure`, made outside the constructor: a closure made there would share the
 * constructor's scope, which holds the agent, so the state (which keeps `configure`) would too:
 * one more path along which an object V8 pretenured keeps a whole agent alive through young
 * collections (see docs/benchmarks.md, "Garbage collection and V8's pretenuring").
 */
function configurer(options: AgentOptions, registry: ToolRegistry, modelId: string): (conversation: Conversation) => void {
  return (conversation) => applyConfiguration(conversation, options, registry, modelId);
}

/** The wiring's split of an agent without middleware (most agents): shared, never changed. */
const noMiddleware: ReturnType<typeof splitMiddleware> = { run: [], model: [], tool: [] };

const executeRun = (run: Run): Promise<AgentResult> => run.execute();

/** One `ConverseModel` per client (it holds nothing else): agents built per request share it. */
const converseModels = new WeakMap<BedrockRuntimeClient, ConverseModel>();
function converseModelOf(client: BedrockRuntimeClient): ConverseModel {
  let model = converseModels.get(client);
  if (!model) converseModels.set(client, (model = new ConverseModel(client)));
  return model;
}

/** What `container` (or one of its parents) holds for `token`, or undefined. */
function registered<T>(container: DependencyContainer | undefined, token: InjectionToken<T>): T | undefined {
  return container?.isRegistered(token, true) ? container.resolve(token) : undefined;
}

const deltaEvents = ["text-delta", "reasoning-delta", "tool-use-start", "tool-use-delta"] as const;

/** What `wire()` builds once per agent. */
interface AgentWiring extends RunWiring {
  model: Model;
  /** The Bedrock client the agent's `ConverseModel` sends through, when the agent built that model. */
  client: BedrockRuntimeClient | undefined;
  /** The agent's records go through `logger`, which redacts; `resolve(Tokens.Logger)` gives this one. */
  unredacted: Logger;
  logger: Logger;
  clock: Clock;
  runLayers: (run: Run) => Promise<AgentResult>;
}

const runWrapPoint: WrapPoint<Run, [], AgentResult> = {
  kind: "run",
  rebind: (run) => run,
  isResult: (value): value is AgentResult => typeof value === "object" && value !== null && typeof (value as AgentResult).status === "string",
  expected: "the AgentResult from next()",
};

import { randomUUID } from "node:crypto";
import type { DependencyContainer } from "tsyringe";
import { Conversation } from "../conversation/conversation.js";
import { Tokens } from "../di/tokens.js";
import { AgentBusyError } from "../errors/agent-errors.js";
import { ConfigurationError } from "../errors/configuration-error.js";
import { describeThrown } from "../errors/describe-thrown.js";
import { silentLogger } from "../logging/logger.js";
import { ToolRegistry } from "../tools/tool-registry.js";
import type { AgentEvent, AgentEventMap } from "./agent-events.js";
import type { AgentInput } from "./agent-input.js";
import { applyConfiguration } from "./agent-configuration.js";
import type { AgentOptions } from "./agent-options.js";
import { AgentParts, registered, type AgentWiring } from "./agent-parts.js";
import type { AgentResult } from "./agent-result.js";
import { pausedFromJson, pausedToJson, type AgentSnapshot } from "./agent-snapshot.js";
import { EventChannel } from "./event-channel.js";
import { neverAbortedSignal } from "./never-aborted-signal.js";
import { GuardedEmitter } from "./listener-guard.js";
import { runFailure } from "./run-outcome.js";
import { AgentState, Run } from "./run.js";
import type { RunContext } from "./run-context.js";
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
  private readonly state: AgentState;
  /** Its options, tools and store, its wiring and container, and `resolve` for calls and tools. */
  private readonly parts: AgentParts;
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
    const modelId = options.modelId ?? registered(options.container, Tokens.ModelId);
    validateModelId(modelId);
    // Only a stored conversation needs the store: skip the container lookup otherwise.
    const store = options.conversationId === undefined ? undefined : (options.store ?? registered(options.container, Tokens.ConversationStore));
    if (options.conversationId !== undefined && !store) {
      throw new ConfigurationError(
        "conversationId needs a store to load from and save to: pass store (e.g. new InMemoryConversationStore()) or register one with registerSluice(container, { store }).",
      );
    }
    const registry = new ToolRegistry(options.tools ?? []);
    this.parts = new AgentParts(options, modelId, registry, store);
    // Over the locals, not `this`: the state keeps it, and must not keep the agent (see AgentParts).
    const configure = (conversation: Conversation) => applyConfiguration(conversation, options, registry, modelId);
    this.configure = configure;
    this.state = new AgentState({ store, conversationId: options.conversationId, configure }, this.initialConversation(configure));
  }

  /**
   * This agent's dependency container: a child of the `container` option, holding the agent's
   * own parts (its tool registry, model, and the logger and client of its options), made when
   * first asked for. Undefined for an agent built without a container: Sluice then uses none.
   */
  get container(): DependencyContainer | undefined {
    return this.parts.container;
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
      let run: Run;
      let wiring: AgentWiring;
      try {
        wiring = this.parts.wired();
        if (this.state.needsLoad) await this.state.load();
        run = this.newRun(request, options, channel, signal, wiring);
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

  /** The `Run` of one call, from where it starts (its input, or the paused run it resumes). */
  private newRun(request: RunRequest, options: RunOptions, channel: EventChannel<AgentEvent> | undefined, signal: AbortSignal, wiring: AgentWiring): Run {
    const streaming = channel !== undefined;
    const start = runStartFor(this.state.conversation, this.state.paused, request);
    return new Run(
      {
        runId: randomUUID(),
        modelId: this.parts.modelId,
        agentName: this.options.name,
        conversationId: this.options.conversationId,
        streaming,
        signal,
        input: "input" in request ? request.input : undefined,
        context: { ...this.options.context, ...options.context },
        resolve: this.parts.resolve,
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
  }

  private logContext(run: Run): Record<string, unknown> {
    return { agent: this.options.name, modelId: this.parts.modelId, streaming: run.streaming, runId: run.runId };
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
    const logger = this.parts.wired().logger;
    logger.warn({ agent: this.options.name, event: String(type), error: describeThrown(error) }, "an agent event listener threw; the run goes on");
    if (type !== "listener-error" && this.listenerCount("listener-error") > 0) {
      this.emit("listener-error", { type: "listener-error", eventType: String(type), error });
    } else if (logger === silentLogger) {
      process.emitWarning(`A Sluice agent "${String(type)}" listener threw: ${describeThrown(error)}`, "SluiceListenerWarning");
    }
  }
}

const deltaEvents = ["text-delta", "reasoning-delta", "tool-use-start", "tool-use-delta"] as const;


import type { ContentBlock, ToolUseBlock } from "@aws-sdk/client-bedrock-runtime";
import { Conversation } from "../conversation/conversation.js";
import type { ConversationStore } from "../conversation/conversation-store.js";
import { PendingMessages } from "../conversation/pending-messages.js";
import { recordCheckedMessages } from "../conversation/request-rules.js";
import { addUsage, emptyUsage } from "../conversation/usage.js";
import { AbortError } from "../errors/abort-error.js";
import { ConversationConflictError } from "../errors/conversation-conflict-error.js";
import { ConversationStoreError } from "../errors/conversation-store-error.js";
import { describeThrown } from "../errors/describe-thrown.js";
import { ModelOutputError } from "../errors/model-output-error.js";
import type { ModelCall } from "../middleware/model-middleware.js";
import { completedResponse, type ModelResult } from "../middleware/model-result.js";
import type { AgentRun } from "../middleware/run-middleware.js";
import type { ToolCallOutcome } from "../middleware/tool-middleware.js";
import type { ModelRequest, ModelResponse } from "../model/model.js";
import type { AgentEvent } from "./agent-events.js";
import type { AgentResult, PendingInterrupt } from "./agent-result.js";
import { runFailure } from "./run-outcome.js";
import type { PausedRun, RunStart } from "./run-start.js";
import { cleanAssistantMessage, clientToolUses, finish, forwardDeltas, toRecord } from "./step-answer.js";
import type { ToolExecutor } from "./tool-executor.js";

/** What every run of an agent shares: built once, at the agent's first run. */
export interface RunWiring {
  requestBase: Omit<ModelRequest, "messages" | "system" | "toolConfig">;
  /** The model middleware composed around the model. */
  callModel: (call: ModelCall) => Promise<ModelResult>;
  tools: ToolExecutor;
  maxSteps: number;
}

/** What describes one run besides where it starts: the `AgentRun` fields, and where its events go. */
export interface RunDescription extends Omit<AgentRun, "resuming"> {
  emit: (event: AgentEvent) => void;
  /** Whether anyone receives events now (a stream, or a listener); without, no event is built. */
  listening: () => boolean;
  /** Whether anyone listens to delta events; without listeners a non-streaming call skips producing them. */
  wantsDeltas: boolean;
}

/** How a run ended: its result, and what to keep when it paused. */
interface RunEnd {
  result: AgentResult;
  paused?: PausedRun;
}

/** A round of tool calls: the tool uses of one assistant message, the outcomes known, values to resume with. */
interface ToolRound {
  toolUses: ToolUseBlock[];
  known: Map<string, ToolCallOutcome>;
  values: ReadonlyMap<string, unknown> | undefined;
}

/**
 * One agent run (a `send`, `stream` or `resume`): its messages so far, step count, usage and
 * signal. `execute()` finishes a pending tool round (when resuming), then loops: call the model,
 * run the tools it asks for, until the model stops, `maxSteps` is reached or a tool pauses the
 * run; then it commits. Nothing reaches the conversation before the commit, so a failure
 * anywhere leaves it untouched.
 *
 * Run middleware sees the run as an `AgentRun`; the innermost layer calls `execute()`.
 */
// The run's public fields are `AgentRun`'s (declared once, there), set from the description.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface Run extends AgentRun {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Run {
  private readonly pending: PendingMessages;
  private stepsTaken: number;
  private round: ToolRound | undefined;
  /** True once the run's messages (or its paused state) were kept. */
  committed = false;

  constructor(
    description: RunDescription,
    /** Where the run started (its input, or the paused run it resumes). */
    readonly start: RunStart,
    private readonly state: AgentState,
    private readonly wiring: RunWiring,
  ) {
    // Written out: a spread followed by new keys is slow in V8 (about 1 µs, against 50 ns).
    const fields: AgentRun = {
      runId: description.runId,
      modelId: description.modelId,
      agentName: description.agentName,
      conversationId: description.conversationId,
      streaming: description.streaming,
      signal: description.signal,
      input: description.input,
      resuming: start.round !== undefined,
      context: description.context,
      resolve: description.resolve,
    };
    Object.assign(this, fields);
    this.emit = description.emit;
    this.listening = description.listening;
    this.wantsDeltas = description.wantsDeltas;
    const conversation = state.conversation;
    let pending = start.pending;
    if (!pending || pending.revision !== conversation.revision) {
      pending = new PendingMessages(conversation, start.replacesLast);
      pending.addAll(start.messages);
    }
    this.pending = pending;
    this.stepsTaken = start.stepsTaken;
    const last = pending.messages[pending.messages.length - 1];
    if (start.round && last) this.round = { toolUses: clientToolUses(last), known: start.round.outcomes, values: start.round.values };
  }

  private readonly emit: (event: AgentEvent) => void;
  private readonly listening: () => boolean;
  private readonly wantsDeltas: boolean;

  /** Runs the loop to its end and commits; rejects with a run failure saying what happened to the turn. */
  async execute(): Promise<AgentResult> {
    try {
      let end = this.round ? await this.runTools(this.round, "tool_use") : undefined;
      // One step per pass: a model call through the model middleware, then the tools it asks for.
      // Written out here rather than as async methods: every async frame and await costs each run
      // an allocation and a trip through the microtask queue.
      while (!end) {
        const step = (this.stepsTaken += 1);
        const result = await this.wiring.callModel(this.modelCall(step));
        if (this.streaming || this.wantsDeltas) await forwardDeltas(result, step, this.emit);
        const response = completedResponse(result) ?? (await result.response());
        const round = this.keepAnswer(response, step);
        end = round ? await this.runTools(round, response.stopReason) : this.complete(response.stopReason);
      }
      // An abort that arrived after the model's answer (from a listener, a tool) still wins.
      this.throwIfAborted();
      const saving = this.commit(end);
      if (saving) await saving;
      this.committed = true;
      if (this.listening()) this.emit({ type: "finish", result: end.result });
      return end.result;
    } catch (error) {
      throw runFailure(error, { start: this.start, signal: this.signal, conversationLength: this.state.conversation.length, committed: this.committed });
    }
  }

  /** The model call of step `step`: the request built from the checked messages so far. */
  private modelCall(step: number): ModelCall {
    const { conversation } = this.state;
    const messages = this.pending.requestMessages();
    recordCheckedMessages(messages, this.pending.usesTools);
    // The new keys first: a spread followed by keys its source lacks is slow in V8.
    const request: ModelRequest = {
      messages,
      ...(conversation.system && { system: conversation.system }),
      ...(conversation.toolConfig && { toolConfig: conversation.toolConfig }),
      ...this.wiring.requestBase,
    };
    return { request, streaming: this.streaming, signal: this.signal, state: {}, step, context: this.context, resolve: this.resolve, runId: this.runId };
  }

  /**
   * Keeps the model's answer aside (checked against Bedrock's rules) and records the step.
   * Returns the round of tool calls it asks for, or undefined when it asks for none.
   */
  private keepAnswer(response: ModelResponse, step: number): ToolRound | undefined {
    addUsage(this.start.usage, response.usage);
    const stopReason = response.stopReason;
    const { message, toolUses } = cleanAssistantMessage(response.output?.message, stopReason);
    const problem = message && this.pending.addIfValid(message);
    if (problem) {
      throw new ModelOutputError(`The model's answer at step ${step} cannot be kept: ${problem} Sending the same input again asks the model anew.`, { step });
    }
    this.start.steps.push({ step, stopReason, message, usage: addUsage(emptyUsage(), response.usage), toolCalls: [] });
    if (toolUses.length === 0) return undefined;
    for (const toolUse of this.listening() ? toolUses : []) {
      this.emit({ type: "tool-use-complete", step, toolUseId: toolUse.toolUseId ?? "", name: toolUse.name ?? "", input: toolUse.input });
    }
    return { toolUses, known: new Map(), values: undefined };
  }

  /** Ends the run after a step whose answer asked for no tools. */
  private complete(stopReason: string | undefined): RunEnd {
    this.finishStep(stopReason);
    return this.end("complete", stopReason);
  }

  /** Runs a round of tool calls and answers the model with their results (or pauses the run). */
  private async runTools(round: ToolRound, stopReason: string | undefined): Promise<RunEnd | undefined> {
    const { toolUses, known } = round;
    const toRun = toolUses.filter((toolUse) => !known.has(toolUse.toolUseId ?? ""));
    const { tools } = this.wiring;
    const toolRound = { step: this.stepsTaken, signal: this.signal, emit: this.emit, listening: this.listening, runId: this.runId, context: this.context, resolve: this.resolve };
    const only = toRun.length === 1 ? toRun[0] : undefined;
    // The usual round is a single call: it needs no pool of workers.
    const outcomes = only ? [await tools.run(only, toolRound, round.values?.get(only.toolUseId ?? ""))] : await tools.runAll(toRun, toolRound, round.values);
    for (let index = 0; index < toRun.length; index += 1) known.set(toRun[index]?.toolUseId ?? "", outcomes[index] as ToolCallOutcome);
    this.round = undefined;
    return this.answerTools(round, stopReason);
  }

  /**
   * Records a finished round's outcomes in its step; pauses the run when a tool interrupted it,
   * else adds the tool results for the next model call. Returns how the run ended, or undefined to go on.
   */
  private answerTools({ toolUses, known }: ToolRound, stopReason: string | undefined): RunEnd | undefined {
    const step = this.stepsTaken;
    const currentStep = this.start.steps[this.start.steps.length - 1];
    if (currentStep) currentStep.toolCalls = toolUses.map((toolUse) => toRecord(toolUse, known.get(toolUse.toolUseId ?? "")));

    const interrupts: PendingInterrupt[] = [];
    let endRun = false;
    for (const toolUse of toolUses) {
      const outcome = known.get(toolUse.toolUseId ?? "");
      if (outcome?.type === "result" && outcome.endRun === true) endRun = true;
      if (outcome?.type !== "interrupt") continue;
      const { reason, data } = outcome;
      interrupts.push({ toolUseId: toolUse.toolUseId ?? "", name: toolUse.name ?? "", input: toolUse.input, reason, ...(data !== undefined && { data }) });
    }
    if (interrupts.length > 0) {
      // Paused: the assistant's tool uses stay unanswered outside the conversation until resumed.
      for (const [id, outcome] of known) if (outcome.type === "interrupt") known.delete(id);
      const { result } = this.end("interrupted", stopReason);
      result.interrupts = interrupts;
      const start = { ...this.start, pending: undefined, round: undefined, messages: this.pending.messages, stepsTaken: step };
      return { result, paused: { start, outcomes: known, interrupts } };
    }

    this.throwIfAborted();
    const content = toolUses.map((toolUse): ContentBlock => {
      const outcome = known.get(toolUse.toolUseId ?? "");
      const toolResult = outcome?.type === "result" ? outcome : undefined;
      return {
        toolResult: {
          toolUseId: toolUse.toolUseId,
          content: toolResult?.content ?? [{ text: "The tool produced no result." }],
          status: toolResult?.status ?? "error",
        },
      };
    });
    this.pending.add({ role: "user", content }, `The tool results of step ${step} are refused`);
    this.finishStep(stopReason);
    if (endRun) return this.end("complete", stopReason);
    if (step >= this.wiring.maxSteps) return this.end("max-steps", stopReason);
    return undefined;
  }

  /** Keeps the paused state, or commits the run's messages (a promise only while a store saves them). */
  private commit(end: RunEnd): Promise<void> | undefined {
    if (!end.paused) return this.state.commit(end.result, this.start);
    this.state.paused = end.paused;
    return undefined;
  }

  private finishStep(stopReason: string | undefined): void {
    const current = this.start.steps[this.start.steps.length - 1];
    if (current && this.listening()) this.emit({ type: "step-finish", step: this.stepsTaken, stopReason, message: current.message, usage: current.usage });
  }

  private end(status: AgentResult["status"], stopReason: string | undefined): RunEnd {
    return { result: finish(status, this.pending.messages, this.start.usage, this.start.steps, stopReason) };
  }

  private throwIfAborted(): void {
    if (this.signal.aborted) throw new AbortError("The agent run was aborted.", { cause: this.signal.reason });
  }
}

/** Where an agent's conversation is kept between runs, and how a new one gets the agent's configuration. */
export interface StateSettings {
  store: ConversationStore | undefined;
  conversationId: string | undefined;
  /** Puts the agent's system prompt and tools into a conversation read from a snapshot or store. */
  configure(conversation: Conversation): void;
}

/**
 * An agent's state across runs: the committed conversation, a paused run, and (with a store) the
 * stored revision. A run commits through it: saved to the store first, then appended, so both or
 * neither happen.
 */
export class AgentState {
  conversation: Conversation;
  paused: PausedRun | undefined;
  private loaded: boolean;
  /** The store's revision of the conversation as loaded or last saved; undefined when the store keeps none. */
  private revision: number | undefined;

  constructor(private readonly settings: StateSettings, initial: Conversation) {
    this.conversation = initial;
    this.loaded = settings.conversationId === undefined || settings.store === undefined;
  }

  /** Replaces the state (restoring a snapshot); nothing is loaded from the store afterwards. */
  replace(conversation: Conversation, paused: PausedRun | undefined): void {
    this.conversation = conversation;
    this.paused = paused;
    this.loaded = true;
  }

  /** Whether `load()` has anything to do (a store and a conversation ID, not loaded yet). */
  get needsLoad(): boolean {
    return !this.loaded;
  }

  /** Loads the stored conversation before the first run (and after a conflict). */
  async load(): Promise<void> {
    const { store, conversationId: id } = this.settings;
    if (this.loaded || !store || id === undefined) return;
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
      this.settings.configure(loaded);
      this.conversation = loaded;
    }
    this.loaded = true;
  }

  /**
   * Commits a finished run: saved to the store first (if any), then appended to the conversation.
   * Without a store it is done at once (no promise).
   */
  commit(result: AgentResult, start: RunStart): Promise<void> | undefined {
    const { store, conversationId: id } = this.settings;
    if (store && id !== undefined) return this.saveAndCommit(store, id, result, start);
    this.append(result, start);
    return undefined;
  }

  private async saveAndCommit(store: ConversationStore, id: string, result: AgentResult, start: RunStart): Promise<void> {
    const next = this.conversation.fork();
    next.appendChecked(result.messages, start.replacesLast, start.pending?.revision ?? -1);
    next.addUsage(result.usage);
    const expected = this.revision;
    try {
      const saved = await (expected === undefined ? store.save(id, next.snapshot()) : store.save(id, next.snapshot(), { expectedRevision: expected }));
      this.revision = typeof saved === "object" && saved !== null && Number.isInteger(saved.revision) ? saved.revision : undefined;
      // A store that loads revisions but did not report the new one: reload before the next run rather than guess.
      if (expected !== undefined && this.revision === undefined) this.loaded = false;
    } catch (error) {
      if (ConversationConflictError.isInstance(error)) {
        // Another writer saved first: this run is dropped, and the next one starts from the store's state.
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
    this.append(result, start);
  }

  private append(result: AgentResult, start: RunStart): void {
    this.conversation.appendChecked(result.messages, start.replacesLast, start.pending?.revision ?? -1);
    this.conversation.addUsage(result.usage);
    this.paused = undefined;
  }
}

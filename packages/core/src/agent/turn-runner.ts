import type { ContentBlock, ConverseStreamOutput, Message, ToolUseBlock } from "@aws-sdk/client-bedrock-runtime";
import type { RunContext, ServiceResolver } from "./run-context.js";
import type { Conversation } from "../conversation/conversation.js";
import { isPlainObject } from "../conversation/content-rules.js";
import { PendingMessages } from "../conversation/pending-messages.js";
import { recordCheckedMessages } from "../conversation/request-rules.js";
import { AbortError } from "../errors/abort-error.js";
import { ModelOutputError } from "../errors/model-output-error.js";
import { addUsage, emptyUsage, type Usage } from "../conversation/usage.js";
import type { ModelCall } from "../middleware/model-middleware.js";
import type { ModelResult } from "../middleware/model-result.js";
import type { ToolCallOutcome } from "../middleware/tool-middleware.js";
import type { ModelRequest } from "../model/model.js";
import type { AgentEvent } from "./agent-events.js";
import type { AgentResult, AgentStep, PendingInterrupt, ToolCallRecord } from "./agent-result.js";
import { isValidToolName } from "../tools/tool-registry.js";
import type { ToolExecutor } from "./tool-executor.js";

/** Stop reasons after which tool uses in the message are not run (their input may be cut off). */
const noToolStops = new Set(["max_tokens", "guardrail_intervened", "content_filtered", "malformed_tool_use", "model_context_window_exceeded"]);

/** Everything one run needs, fixed for its duration. */
export interface TurnSettings {
  conversation: Conversation;
  requestBase: Omit<ModelRequest, "messages" | "system" | "toolConfig">;
  callModel: (call: ModelCall) => Promise<ModelResult>;
  tools: ToolExecutor;
  maxSteps: number;
  streaming: boolean;
  signal: AbortSignal;
  context: RunContext;
  resolve: ServiceResolver;
  emit: (event: AgentEvent) => void;
  /** Whether anyone listens to delta events; without listeners a non-streaming call skips producing them. */
  wantsDeltas: boolean;
  /** Identifies this run in every ModelCall and ToolCall. */
  runId: string;
}

/** Where a run starts: fresh input, or a paused run being resumed. */
export interface TurnStart {
  /** Messages of this run not yet in the conversation (the user input first). */
  messages: Message[];
  /** The first message replaces the conversation's trailing user message instead of following it. */
  replacesLast: boolean;
  /** Steps already taken (resuming), else 0. */
  stepsTaken: number;
  usage: Usage;
  steps: AgentStep[];
  /** When resuming: the tool uses of the last assistant message, results known so far, and values for the paused calls. */
  resume?: { outcomes: Map<string, ToolCallOutcome>; values: Map<string, unknown> };
  /** `messages`, already checked against the conversation (built when the input was given). */
  pending?: PendingMessages;
}

/** A run that ends paused: what must be kept to resume it. */
export interface PausedTurn {
  start: TurnStart;
  outcomes: Map<string, ToolCallOutcome>;
  interrupts: PendingInterrupt[];
}

/**
 * Runs the agent loop: call the model, run the tools it asks for, answer with their results,
 * repeat until the model stops, `maxSteps` is reached, or a tool pauses the run. The messages
 * are kept aside and returned; committing them to the conversation is the caller's job, so a
 * failure anywhere leaves the conversation untouched.
 */
export async function runTurn(settings: TurnSettings, start: TurnStart): Promise<{ result: AgentResult; paused?: PausedTurn }> {
  const { conversation, signal, emit } = settings;
  let pending = start.pending;
  if (!pending || pending.revision !== conversation.revision) {
    pending = new PendingMessages(conversation, start.replacesLast);
    pending.addAll(start.messages);
  }
  const messages = pending.messages;
  const usage = start.usage;
  const steps = start.steps;
  let step = start.stepsTaken;
  let resume = start.resume;

  for (;;) {
    let assistant = messages[messages.length - 1];
    let stopReason: string | undefined;
    // When resuming, the stored assistant message is the one whose tool uses are pending.
    let toolUses = resume && assistant ? clientToolUses(assistant) : [];
    if (!resume) {
      step += 1;
      const requestMessages = pending.requestMessages();
      recordCheckedMessages(requestMessages, pending.usesTools);
      const request: ModelRequest = {
        ...settings.requestBase,
        ...(conversation.system && { system: conversation.system }),
        ...(conversation.toolConfig && { toolConfig: conversation.toolConfig }),
        messages: requestMessages,
      };
      const call: ModelCall = {
        request,
        streaming: settings.streaming,
        signal,
        state: {},
        step,
        context: settings.context,
        resolve: settings.resolve,
        runId: settings.runId,
      };
      const result = await settings.callModel(call);
      if (settings.streaming || settings.wantsDeltas) await forwardDeltas(result, step, emit);
      const response = await result.response();
      const stepUsage = addUsage(emptyUsage(), response.usage);
      addUsage(usage, response.usage);
      stopReason = response.stopReason;
      ({ message: assistant, toolUses } = cleanAssistantMessage(response.output?.message, stopReason));
      if (assistant) {
        const problem = pending.problemWith(assistant);
        if (problem) {
          throw new ModelOutputError(`The model's answer at step ${step} cannot be kept: ${problem} Sending the same input again asks the model anew.`, { step });
        }
        pending.add(assistant);
      }
      steps.push({ step, stopReason, message: assistant, usage: stepUsage, toolCalls: [] });
    } else {
      stopReason = "tool_use";
    }
    const currentStep = steps[steps.length - 1];
    if (toolUses.length === 0) {
      if (currentStep) emit({ type: "step-finish", step, stopReason, message: assistant, usage: currentStep.usage });
      return { result: finish("complete", messages, usage, steps, stopReason) };
    }

    const known = resume?.outcomes ?? new Map<string, ToolCallOutcome>();
    const toRun = toolUses.filter((toolUse) => !known.has(toolUse.toolUseId ?? ""));
    if (!resume) {
      for (const toolUse of toRun) {
        emit({ type: "tool-use-complete", step, toolUseId: toolUse.toolUseId ?? "", name: toolUse.name ?? "", input: toolUse.input });
      }
    }
    const outcomes = await settings.tools.runAll(toRun, { step, signal, emit, runId: settings.runId, context: settings.context, resolve: settings.resolve }, resume?.values);
    toRun.forEach((toolUse, index) => known.set(toolUse.toolUseId ?? "", outcomes[index] as ToolCallOutcome));
    resume = undefined;

    const records: ToolCallRecord[] = toolUses.map((toolUse) => toRecord(toolUse, known.get(toolUse.toolUseId ?? "")));
    if (currentStep) currentStep.toolCalls = records;
    const interrupts: PendingInterrupt[] = [];
    for (const toolUse of toolUses) {
      const outcome = known.get(toolUse.toolUseId ?? "");
      if (outcome?.type === "interrupt") {
        interrupts.push({
          toolUseId: toolUse.toolUseId ?? "",
          name: toolUse.name ?? "",
          input: toolUse.input,
          reason: outcome.reason,
          ...(outcome.data !== undefined && { data: outcome.data }),
        });
      }
    }
    if (interrupts.length > 0) {
      // Paused: the assistant's tool uses stay unanswered outside the conversation until resumed.
      for (const [id, outcome] of known) if (outcome.type === "interrupt") known.delete(id);
      const result = finish("interrupted", messages, usage, steps, stopReason);
      result.interrupts = interrupts;
      return {
        result,
        paused: { start: { ...start, pending: undefined, messages, usage, steps, stepsTaken: step }, outcomes: known, interrupts },
      };
    }

    throwIfAborted(signal);
    pending.add({
      role: "user",
      content: toolUses.map((toolUse) => {
        const outcome = known.get(toolUse.toolUseId ?? "");
        const toolResult = outcome?.type === "result" ? outcome : undefined;
        return {
          toolResult: {
            toolUseId: toolUse.toolUseId,
            content: toolResult?.content ?? [{ text: "The tool produced no result." }],
            status: toolResult?.status ?? "error",
          },
        } as ContentBlock;
      }),
    }, `The tool results of step ${step} are refused`);
    if (currentStep) emit({ type: "step-finish", step, stopReason, message: assistant, usage: currentStep.usage });
    const endRun = toolUses.some((toolUse) => {
      const outcome = known.get(toolUse.toolUseId ?? "");
      return outcome?.type === "result" && outcome.endRun === true;
    });
    if (endRun) return { result: finish("complete", messages, usage, steps, stopReason) };
    if (step >= settings.maxSteps) return { result: finish("max-steps", messages, usage, steps, stopReason) };
  }
}

async function forwardDeltas(result: ModelResult, step: number, emit: (event: AgentEvent) => void): Promise<void> {
  const toolBlocks = new Map<number, string>();
  for await (const event of result as AsyncIterable<ConverseStreamOutput>) {
    const start = event.contentBlockStart;
    if (start?.start?.toolUse) {
      const index = start.contentBlockIndex ?? 0;
      const toolUseId = start.start.toolUse.toolUseId ?? "";
      toolBlocks.set(index, toolUseId);
      emit({ type: "tool-use-start", step, contentBlockIndex: index, toolUseId, name: start.start.toolUse.name ?? "" });
      continue;
    }
    const delta = event.contentBlockDelta;
    if (!delta?.delta) continue;
    const index = delta.contentBlockIndex ?? 0;
    const body = delta.delta;
    if (body.text !== undefined) {
      if (body.text !== "") emit({ type: "text-delta", step, contentBlockIndex: index, text: body.text });
    } else if (body.toolUse) {
      emit({ type: "tool-use-delta", step, contentBlockIndex: index, toolUseId: toolBlocks.get(index) ?? "", delta: body.toolUse.input ?? "" });
    } else if (body.reasoningContent) {
      const { text, signature, redactedContent } = body.reasoningContent;
      emit({
        type: "reasoning-delta",
        step,
        contentBlockIndex: index,
        ...(text !== undefined && { text }),
        ...(signature !== undefined && { signature }),
        ...(redactedContent !== undefined && { redactedContent }),
      });
    }
  }
}

/**
 * The assistant message to keep, and the tool uses to run (as the model sent them). Blank text is
 * dropped (Bedrock refuses it when sent back); tool uses are dropped when the stop reason means
 * their input may be cut off. The message is undefined when nothing is left.
 */
function cleanAssistantMessage(
  message: Message | undefined,
  stopReason: string | undefined,
): { message: Message | undefined; toolUses: ToolUseBlock[] } {
  const toolUses: ToolUseBlock[] = [];
  if (!message) return { message: undefined, toolUses };
  const dropToolUse = stopReason !== undefined && noToolStops.has(stopReason);
  const content: ContentBlock[] = [];
  for (const block of message.content ?? []) {
    if (block.text !== undefined && block.text.trim() === "") continue;
    const toolUse = block.toolUse;
    if (toolUse && toolUse.type !== "server_tool_use") {
      if (dropToolUse) continue;
      toolUses.push(toolUse);
      // Bedrock refuses a history holding a tool name it would refuse, or tool input that is not a
      // JSON object, so such tool uses are stored sanitised (and answered with an error result).
      const validName = isValidToolName(toolUse.name);
      const validInput = isPlainObject(toolUse.input);
      if (!validName || !validInput) {
        content.push(sanitiseToolUse(toolUse, validName, validInput));
        continue;
      }
    }
    content.push(block);
  }
  return { message: content.length === 0 ? undefined : { role: "assistant", content }, toolUses };
}

/**
 * A model may invent a tool name Bedrock itself refuses (e.g. `$READFILE`), or send tool input that
 * is not a JSON object (an array, a string, null). Keeping either would make every later request
 * fail, so the stored message gets a sanitised name and the input wrapped as `{ __invalidInput }`;
 * the tool call is still answered (by id) with an error naming what the model sent.
 */
function sanitiseToolUse(toolUse: ToolUseBlock, validName: boolean, validInput: boolean): ContentBlock {
  const name = validName ? toolUse.name : String(toolUse.name ?? "").replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64) || "unnamed_tool";
  const input = validInput ? toolUse.input : { __invalidInput: toolUse.input === undefined ? null : toolUse.input };
  return { toolUse: { ...toolUse, name, input: input as never } };
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new AbortError("The agent run was aborted.", { cause: signal.reason });
}

function clientToolUses(message: Message): ToolUseBlock[] {
  const uses: ToolUseBlock[] = [];
  for (const block of message.content ?? []) {
    if (block.toolUse && block.toolUse.type !== "server_tool_use") uses.push(block.toolUse);
  }
  return uses;
}

function toRecord(toolUse: ToolUseBlock, outcome: ToolCallOutcome | undefined): ToolCallRecord {
  const base = { toolUseId: toolUse.toolUseId ?? "", name: toolUse.name ?? "", input: toolUse.input };
  if (!outcome) return { ...base, status: "error", content: [] };
  if (outcome.type === "interrupt") return { ...base, status: "interrupted", content: [] };
  return { ...base, status: outcome.status, content: outcome.content };
}

function finish(
  status: AgentResult["status"],
  messages: Message[],
  usage: Usage,
  steps: AgentStep[],
  stopReason: string | undefined,
): AgentResult {
  let message: Message | undefined;
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index]?.role === "assistant") {
      message = messages[index];
      break;
    }
  }
  const text = (message?.content ?? []).map((block) => block.text ?? "").join("");
  return { status, text, message, stopReason, usage, steps, messages };
}

import type { ToolUseBlock } from "@aws-sdk/client-bedrock-runtime";
import { AbortError } from "../errors/abort-error.js";
import { ToolExecutionError, type ToolFailureReason } from "../errors/agent-errors.js";
import { describeThrown } from "../errors/describe-thrown.js";
import { checkToolResultContent, describe, isPlainObject } from "../conversation/content-rules.js";
import type { Clock } from "../logging/clock.js";
import { compose, type WrapPoint } from "../middleware/compose.js";
import type { ToolCall, ToolCallOutcome, ToolCallResult, ToolMiddleware, ToolNextArgs } from "../middleware/tool-middleware.js";
import { ToolInputError } from "../errors/tool-input-error.js";
import { canAbort } from "./never-aborted-signal.js";
import { ToolCallContext } from "./tool-call-context.js";
import type { ToolOutput } from "../tools/agent-tool.js";
import type { ToolRegistry } from "../tools/tool-registry.js";
import type { AgentEvent } from "./agent-events.js";

export interface ToolExecutorSettings {
  registry: ToolRegistry;
  middleware: readonly ToolMiddleware[];
  concurrency: number;
  defaultTimeoutMs: number;
  failuresAreFatal: boolean;
  clock: Clock;
}

/** What every tool call of one step shares. */
export interface ToolRound {
  step: number;
  signal: AbortSignal;
  emit: (event: AgentEvent) => void;
  /** Whether anyone receives events now; without, none is built. */
  listening: () => boolean;
  runId: string;
  context: ToolCall["context"];
  resolve: ToolCall["resolve"];
}

const toolWrapPoint: WrapPoint<ToolCall, ToolNextArgs, ToolCallOutcome> = {
  kind: "tool",
  rebind: (call, input) => (input === undefined ? call : { ...call, input }),
  isResult: (value): value is ToolCallOutcome =>
    typeof value === "object" && value !== null && ((value as ToolCallOutcome).type === "result" || (value as ToolCallOutcome).type === "interrupt"),
  expected: 'the outcome of next(), or { type: "result", content, status } / { type: "interrupt", reason }',
};

/**
 * Runs the tool calls of one assistant message through the tool middleware: in parallel up to
 * the concurrency cap, each with a timeout and the run's abort signal. Failures (unknown tool,
 * invalid input, a throwing handler, a timeout) become error results the model can act on,
 * unless failures are fatal. Outcomes come back in the order of the tool uses.
 */
export class ToolExecutor {
  private readonly pipeline: (call: ToolCall) => Promise<ToolCallOutcome>;

  constructor(private readonly settings: ToolExecutorSettings) {
    this.pipeline = compose(settings.middleware, (call) => this.invoke(call), toolWrapPoint);
  }

  async runAll(toolUses: readonly ToolUseBlock[], round: ToolRound, resumeValues?: ReadonlyMap<string, unknown>): Promise<ToolCallOutcome[]> {
    const outcomes: ToolCallOutcome[] = new Array(toolUses.length);
    let nextIndex = 0;
    const worker = async (): Promise<void> => {
      while (nextIndex < toolUses.length) {
        const index = nextIndex++;
        const toolUse = toolUses[index] as ToolUseBlock;
        outcomes[index] = await this.run(toolUse, round, resumeValues?.get(toolUse.toolUseId ?? ""));
      }
    };
    const workers = Math.min(this.settings.concurrency, toolUses.length);
    await Promise.all(Array.from({ length: workers }, worker));
    return outcomes;
  }

  /** Runs one tool call through the tool middleware (what `runAll` does for each). */
  run(toolUse: ToolUseBlock, round: ToolRound, resumeValue: unknown): Promise<ToolCallOutcome> {
    const { signal } = round;
    if (signal.aborted) return Promise.reject(runAborted(signal));
    const started = this.settings.clock.now();
    const call: ToolCall = {
      toolUseId: toolUse.toolUseId ?? "",
      name: toolUse.name ?? "",
      input: toolUse.input,
      tool: this.settings.registry.get(toolUse.name ?? ""),
      signal,
      state: {},
      step: round.step,
      context: round.context,
      resolve: round.resolve,
      resumeValue,
      runId: round.runId,
    };
    // Not async: every tool call passes here, and one `then` costs less than an async frame and its await.
    return this.pipeline(call).then((outcome) => this.reportOutcome(outcome, call, round, started));
  }

  /** Reports a call's outcome as events (and throws when failures are fatal or the run was aborted meanwhile). */
  private reportOutcome(outcome: ToolCallOutcome, call: ToolCall, round: ToolRound, started: number): ToolCallOutcome {
    const { step, emit, listening } = round;
    const { toolUseId, name, input } = call;
    if (round.signal.aborted) throw runAborted(round.signal);
    if (outcome.type === "interrupt") {
      const { reason, data } = outcome;
      if (listening()) emit({ type: "tool-interrupt", step, toolUseId, name, input, reason, ...(data !== undefined && { data }) });
      return outcome;
    }
    if (outcome.failure) {
      const message = outcome.content.map((block) => block.text ?? "").join("\n");
      if (listening()) emit({ type: "tool-error", step, toolUseId, name, reason: outcome.failure.reason, message, error: outcome.failure.error });
      if (this.settings.failuresAreFatal) {
        throw new ToolExecutionError(outcome.failure.reason, name, toolUseId, message, outcome.failure.error);
      }
    }
    if (listening()) {
      const durationMs = this.settings.clock.now() - started;
      emit({ type: "tool-result", step, toolUseId, name, status: outcome.status, content: outcome.content, durationMs });
    }
    return outcome;
  }

  /** The innermost layer: find the tool, run it under its timeout, turn failures into error results. */
  private async invoke(call: ToolCall): Promise<ToolCallResult> {
    const tool = call.tool;
    if (!tool) {
      const available = this.settings.registry.list().map((t) => t.name);
      return failure(
        "unknown-tool",
        `There is no tool named ${JSON.stringify(call.name)}. ` +
          (available.length > 0 ? `Available tools: ${available.join(", ")}.` : "No tools are available."),
        undefined,
      );
    }
    const unparsed = (call.input as { __unparsedInput?: unknown } | undefined)?.__unparsedInput;
    if (typeof unparsed === "string") {
      return failure("invalid-input", `The input for ${tool.name} is not valid JSON: ${unparsed.slice(0, 200)}`, undefined);
    }
    if (!isPlainObject(call.input)) {
      return failure("invalid-input", `The input for ${tool.name} must be a JSON object, but it is ${describe(call.input)}. Call the tool again with an object.`, undefined);
    }
    const timeoutMs = tool.timeoutMs ?? this.settings.defaultTimeoutMs;
    const toolContext = new ToolCallContext(call.signal, call.toolUseId, call.step, call.runId, call.context, call.resolve);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    try {
      // Promise.resolve: a hand-written tool may answer with a plain value or another thenable.
      const running = Promise.resolve(tool.invoke(call.input, toolContext));
      // One promise settles with the tool's output, its failure, the timeout or the abort, whichever
      // comes first; what the tool does later is ignored (and a late rejection is not unhandled).
      const winner = await new Promise<ToolOutput | typeof timedOut | typeof aborted>((resolve, reject) => {
        timer = setTimeout(resolve, timeoutMs, timedOut);
        if (canAbort(call.signal)) {
          onAbort = () => {
            toolContext.abort(call.signal.reason);
            resolve(aborted);
          };
          call.signal.addEventListener("abort", onAbort, { once: true });
          if (call.signal.aborted) onAbort(); // aborted while the tool was starting
        }
        running.then(resolve, reject);
      });
      if (winner === timedOut) {
        toolContext.abort(new AbortError(`Tool ${tool.name} timed out after ${timeoutMs} ms.`));
        return failure("timeout", `The tool ${tool.name} did not finish within ${timeoutMs} ms and was cancelled.`, undefined);
      }
      if (winner === aborted) throw new AbortError("The agent run was aborted while a tool was running.");
      const problem = checkToolOutput(winner);
      if (problem) return failure("handler-error", `The tool ${tool.name} returned a result Bedrock would refuse: ${problem}`, undefined);
      return { type: "result", content: winner.content, status: winner.status ?? "success", ...(winner.endRun && { endRun: true }) };
    } catch (error) {
      if (AbortError.isInstance(error) || call.signal.aborted) {
        throw AbortError.isInstance(error) ? error : new AbortError("The agent run was aborted while a tool was running.", { cause: error });
      }
      if (ToolInputError.isInstance(error)) {
        return failure("invalid-input", `Invalid input for ${tool.name}: ${error.message}`, error);
      }
      return failure("handler-error", `The tool ${tool.name} failed: ${describeThrown(error)}`, error);
    } finally {
      clearTimeout(timer);
      if (onAbort) call.signal.removeEventListener("abort", onAbort);
    }
  }
}

/** What is wrong with a tool's output, or undefined (its content must be valid toolResult content). */
function checkToolOutput(output: unknown): string | undefined {
  if (!isPlainObject(output)) return `the tool returned ${describe(output)} instead of { content: [...] }.`;
  if (output["status"] !== undefined && output["status"] !== "success" && output["status"] !== "error") {
    return `status is ${JSON.stringify(output["status"])}; use "success" or "error".`;
  }
  return checkToolResultContent(output["content"], "content");
}

/** What the race in `invoke` settles with when the tool did not answer first. */
const timedOut = Symbol("timed out");
const aborted = Symbol("aborted");

function failure(reason: ToolFailureReason, message: string, error: unknown): ToolCallResult {
  return { type: "result", status: "error", content: [{ text: message }], failure: { reason, error } };
}

function runAborted(signal: AbortSignal): AbortError {
  return new AbortError("The agent run was aborted.", { cause: signal.reason });
}

import { ConfigurationError, createRedactor, type RedactionOptions, Tokens, consoleLogger, type Logger, ModelResult, type MiddlewareObject, type ModelCall, type ModelNext, type ModelResponse, type ToolCall, type ToolCallOutcome, type ToolNext, type StepCall, type StepNext, type StepOutcome } from "@sluice/core";
import { silentLogger } from "@sluice/core/internal";
import { checkOptions, choiceOption, stringListOption } from "../shared/options.js";
import { redactContent } from "./content-redaction.js";
import { describeError } from "./describe-error.js";


/** Severity of a record. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** Options of `loggingMiddleware`. */
export interface LoggingOptions {
  /** Where records go (pino fits as is). Default: the agent's logger, or `consoleLogger()` when it has none. */
  logger?: Logger;
  /** Lowest level written. Default `info`; `debug` adds a record when each call starts. */
  level?: LogLevel | "silent";
  /**
   * Message content in the records: `omit` (default) leaves it out, `redact` keeps its shape
   * with every text replaced by its length, `include` writes it (secrets still removed).
   */
  content?: "omit" | "redact" | "include";
  /** More to redact: field paths, key names, literal secret values. Secrets are always redacted. */
  redact?: RedactionOptions;
}

const owner = "loggingMiddleware";
const rank: Record<LogLevel | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/**
 * Writes one structured record per model call, per tool call and per workflow step (its `step`
 * hook, for `@sluice/workflows`: path, kind, latency, done, paused or failed): run ID, model ID, step, latency,
 * stop reason, token usage (cache reads and writes included), cache hits, context reductions,
 * and errors by name, Bedrock error name, HTTP status and request ID. Successful calls log at
 * `info`, tool calls that returned an error at `warn`, failures at `error`. Secrets —
 * credentials, authorization headers, API keys, passwords, tokens, and configured paths or
 * values — are removed from every record; message content is left out unless asked for.
 *
 * @example
 * new Agent({ modelId, middleware: [loggingMiddleware({ logger: pino(), content: "redact", redact: { paths: ["input.cardNumber"] } })] });
 */
export function loggingMiddleware(options: LoggingOptions = {}): MiddlewareObject {
  checkOptions(owner, options, ["logger", "level", "content", "redact"]);
  const threshold = rank[choiceOption(owner, "level", options.level, ["debug", "info", "warn", "error", "silent"]) ?? "info"];
  const content = choiceOption(owner, "content", options.content, ["omit", "redact", "include"]) ?? "omit";
  const given = options.logger;
  if (given !== undefined && (typeof given !== "object" || given === null || ["debug", "info", "warn", "error"].some((level) => typeof (given as unknown as Record<string, unknown>)[level] !== "function"))) {
    throw new ConfigurationError(`${owner}: logger must have debug, info, warn and error methods (pino and consoleLogger() do).`);
  }
  checkOptions(`${owner} redact`, options.redact, ["paths", "keys", "values"]);
  stringListOption(owner, "redact.paths", options.redact?.paths);
  const redact = createRedactor(options.redact);
  const fallback = consoleLogger();
  const agentLoggers = new WeakMap<object, Logger>();

  const loggerFor = (resolve: ModelCall["resolve"]): Logger => {
    if (given) return given;
    let logger = agentLoggers.get(resolve);
    if (!logger) {
      const registered = resolve(Tokens.Logger);
      logger = registered !== silentLogger ? registered : fallback;
      agentLoggers.set(resolve, logger);
    }
    return logger;
  };
  const write = (logger: Logger, level: LogLevel, record: Record<string, unknown>, message: string) => {
    if (rank[level] < threshold) return;
    logger[level](redact(record), message);
  };
  const shown = (value: unknown) => (content === "include" ? value : redactContent(value));

  async function logModelCall(call: ModelCall, next: ModelNext): Promise<ModelResult> {
    const logger = loggerFor(call.resolve);
    const started = performance.now();
    const base = { event: "model-call", runId: call.runId, modelId: call.request.modelId, step: call.step, streaming: call.streaming };
    // Built only when written: with content shown, the start record holds the whole conversation.
    if (threshold <= rank.debug) write(logger, "debug", { ...base, event: "model-call-start", messageCount: call.request.messages?.length ?? 0, ...(content !== "omit" && { request: requestContent(call, shown) }) }, "model call started");
    return ModelResult.observeCall(next(), {
      onResponse: (response: ModelResponse) =>
        write(logger, "info", {
          ...base,
          latencyMs: elapsed(started),
          stopReason: response.stopReason,
          usage: response.usage,
          ...(call.state.responseCacheHit && { cacheHit: true }),
          ...(call.state.contextReduced && { contextReduced: call.state.contextReduced }),
          ...(content !== "omit" && { request: requestContent(call, shown), response: shown(response.output?.message?.content ?? []) }),
        }, "model call finished"),
      onError: (error) => write(logger, "error", { ...base, latencyMs: elapsed(started), error: describeError(error) }, "model call failed"),
      onAbandon: () => write(logger, "warn", { ...base, latencyMs: elapsed(started), abandoned: true }, "model stream abandoned before its end"),
    });
  }

  async function logToolCall(call: ToolCall, next: ToolNext): Promise<ToolCallOutcome> {
    const logger = loggerFor(call.resolve);
    const started = performance.now();
    const base = { event: "tool-call", runId: call.runId, tool: call.name, toolUseId: call.toolUseId, step: call.step };
    try {
      const outcome = await next();
      const record = {
        ...base,
        latencyMs: elapsed(started),
        status: outcome.type === "interrupt" ? "interrupted" : outcome.status,
        ...(outcome.type === "result" && outcome.failure && { failureReason: outcome.failure.reason, error: describeError(outcome.failure.error ?? outcome.content.map((block) => block.text ?? "").join(" ")) }),
        ...(outcome.type === "interrupt" && { reason: outcome.reason }),
        ...(content !== "omit" && { input: shown(call.input), ...(outcome.type === "result" && { output: shown(outcome.content) }) }),
      };
      const isError = outcome.type === "result" && outcome.status === "error";
      write(logger, isError ? "warn" : "info", record, isError ? "tool call returned an error" : "tool call finished");
      return outcome;
    } catch (error) {
      write(logger, "error", { ...base, latencyMs: elapsed(started), error: describeError(error) }, "tool call failed");
      throw error;
    }
  }

  async function logStep(call: StepCall, next: StepNext): Promise<StepOutcome> {
    const logger = given ?? fallback;
    const started = performance.now();
    const base = { event: "workflow-step", workflow: call.workflow, runId: call.runId, path: call.path, kind: call.kind, ...(call.resuming && { resuming: true }) };
    try {
      const outcome = await next();
      const record = {
        ...base,
        latencyMs: elapsed(started),
        status: outcome.type === "output" ? "done" : "paused",
        ...(outcome.type === "paused" && { reason: outcome.reason }),
        ...(content !== "omit" && { input: shown(call.input), ...(outcome.type === "output" && { output: shown(outcome.output) }) }),
      };
      write(logger, "info", record, outcome.type === "output" ? "workflow step finished" : "workflow step paused");
      return outcome;
    } catch (error) {
      write(logger, "error", { ...base, latencyMs: elapsed(started), error: describeError(error) }, "workflow step failed");
      throw error;
    }
  }

  return { name: "logging", model: logModelCall, tool: logToolCall, step: logStep };
}

/** What was asked: system prompt and messages (shown as configured), tool names and inference settings. */
function requestContent(call: ModelCall, shown: (value: unknown) => unknown): Record<string, unknown> {
  const { system, messages, toolConfig, inferenceConfig } = call.request;
  const tools = toolConfig?.tools?.map((tool) => tool.toolSpec?.name).filter(Boolean);
  return { system: shown(system), messages: shown(messages), ...(tools?.length && { tools }), ...(inferenceConfig && { inferenceConfig }) };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}

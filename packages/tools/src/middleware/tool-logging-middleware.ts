import { Tokens, type Clock, type Logger, type MiddlewareObject, type ToolCall, type ToolCallOutcome, type ToolNext } from "@sluice/core";

/** Options of `toolLoggingMiddleware`. */
export interface ToolLoggingOptions {
  /** Where records go. Default: the agent's logger (`Tokens.Logger` in its container). */
  logger?: Logger;
  /** Level of the start and success records (failures are `warn`). Default `debug`. */
  level?: "debug" | "info";
  /** Put the model's input in the start record. Default false (inputs may hold personal data). */
  includeInput?: boolean;
  /** Put the result content in the finish record. Default false. */
  includeOutput?: boolean;
}

/**
 * Logs every tool call: a `tool-call-start` record, then `tool-call-finish` with status,
 * duration and the failure reason, `tool-call-interrupt` when a call pauses the run, or
 * `tool-call-throw` when it ends the run (abort, fatal tool errors). Place it first to see what
 * the other middleware decided (cache hits, approvals).
 *
 * @example
 * new Agent({ modelId, tools, logger: pino(), middleware: [toolLoggingMiddleware({ level: "info" })] });
 */
export function toolLoggingMiddleware(options: ToolLoggingOptions = {}): MiddlewareObject {
  const level = options.level ?? "debug";
  return {
    name: "tool-logging",
    tool: async function toolLogging(call: ToolCall, next: ToolNext): Promise<ToolCallOutcome> {
      const logger = options.logger ?? call.resolve(Tokens.Logger);
      const clock: Clock = call.resolve(Tokens.Clock);
      const base = { tool: call.name, toolUseId: call.toolUseId, step: call.step };
      if (!logger) return next();
      logger[level]({ event: "tool-call-start", ...base, ...(options.includeInput && { input: call.input }) }, `tool ${call.name} called`);
      const started = clock.now();
      let outcome: ToolCallOutcome;
      try {
        outcome = await next();
      } catch (error) {
        logger.warn({ event: "tool-call-throw", ...base, durationMs: clock.now() - started, error: describe(error) }, `tool ${call.name} ended the run`);
        throw error;
      }
      const durationMs = clock.now() - started;
      if (outcome.type === "interrupt") {
        logger.info({ event: "tool-call-interrupt", ...base, reason: outcome.reason }, `tool ${call.name} paused the run`);
      } else {
        const record = {
          event: "tool-call-finish",
          ...base,
          status: outcome.status,
          durationMs,
          ...(outcome.failure && { reason: outcome.failure.reason }),
          ...(options.includeOutput && { content: outcome.content }),
        };
        if (outcome.status === "error") logger.warn(record, `tool ${call.name} failed`);
        else logger[level](record, `tool ${call.name} finished`);
      }
      return outcome;
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

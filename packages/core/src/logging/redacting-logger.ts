import { type Logger, silentLogger } from "./logger.js";
import { createRedactor } from "./redactor.js";

/**
 * A logger that passes every record (and message) through the redactor before `logger` sees it,
 * and never throws into the caller: a logger that fails loses its record, not the run. The agent
 * writes its own records through one; the silent logger is returned as it is.
 *
 * @example
 * const logger = redactingLogger(pino());
 * logger.warn({ message: error.message }, "call failed"); // signatures, tokens and keys removed
 */
export function redactingLogger(logger: Logger, redactWith?: <T>(record: T) => T): Logger {
  // Checked before building a redactor: most agents log nowhere, and each redactor reads the environment.
  if (logger === silentLogger) return logger;
  const redact = redactWith ?? createRedactor();
  const write = (level: keyof Logger) => (record: Record<string, unknown>, message?: string) => {
    try {
      logger[level](redact(record), message === undefined ? undefined : redact(message));
    } catch {
      // A logger must not decide the outcome of a run.
    }
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

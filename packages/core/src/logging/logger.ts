/**
 * The logging interface Sluice writes to. Its shape (`object`, then an optional message) fits
 * pino directly; `consoleLogger()` adapts `console`.
 *
 * @example
 * const agent = new Agent({ modelId, logger: pino() });
 */
export interface Logger {
  debug(record: Record<string, unknown>, message?: string): void;
  info(record: Record<string, unknown>, message?: string): void;
  warn(record: Record<string, unknown>, message?: string): void;
  error(record: Record<string, unknown>, message?: string): void;
}

/** A logger that drops every record: the default, so Sluice prints nothing unless asked. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};

/**
 * A logger that writes one JSON line per record through `console`.
 *
 * @example
 * new Agent({ modelId, logger: consoleLogger() });
 */
export function consoleLogger(target: Pick<Console, "debug" | "info" | "warn" | "error"> = console): Logger {
  const write = (level: "debug" | "info" | "warn" | "error") => (record: Record<string, unknown>, message?: string) =>
    target[level](JSON.stringify({ level, ...(message !== undefined && { message }), ...record }));
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

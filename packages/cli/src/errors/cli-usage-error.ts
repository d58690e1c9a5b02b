import { SluiceError } from "@sluice/core";

/**
 * A command-line option or in-chat command was wrong: a missing file, a module exporting no
 * tools, an MCP command that cannot be split into words. The message says what to change.
 *
 * @example
 * throw new CliUsageError('--tools ./tools.ts exports no tools; export defineTool(...) results.');
 */
export class CliUsageError extends SluiceError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("cli-usage", message, options);
  }
}

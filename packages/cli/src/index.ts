// Public API of @sluice/cli: the `sluice` program, for embedding it (`createProgram().parseAsync(argv)`).

export { createProgram } from "./program.js";
export { CliUsageError } from "./errors/cli-usage-error.js";
export { cliVersion } from "./version.js";
export type { ChatOptions } from "./chat/chat-options.js";
export type { RunFlags } from "./run/run-workflow-command.js";

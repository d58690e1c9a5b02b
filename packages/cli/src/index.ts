// Public API of @sluice/cli: the `sluice` program and the pieces of `sluice chat`, for embedding or testing.

export { createProgram } from "./program.js";
export { chatCommand } from "./chat/chat-command.js";
export { emulatorCommand } from "./emulator/emulator-command.js";
export { defaultChatModelId, type ChatOptions } from "./chat/chat-options.js";
export { openChatSession, type ChatSession } from "./chat/chat-session.js";
export { replChat, type ReplStreams } from "./chat/repl-chat.js";
export { oneShotChat } from "./chat/one-shot-chat.js";
export { runChatTurn } from "./chat/run-chat-turn.js";
export { ChatPrinter, summarize, type ChatPrinterOptions } from "./chat/chat-printer.js";
export { chatDemoScript } from "./chat/chat-demo-script.js";
export { sampleInput } from "./chat/sample-input.js";
export { loadToolsModule } from "./chat/load-tools-module.js";
export { parseCommandLine } from "./chat/parse-command-line.js";
export { readSessionFile, writeSessionFile } from "./chat/session-file.js";
export { runCommand, runWorkflowCommand, type RunFlags } from "./run/run-workflow-command.js";
export { loadWorkflowModule, type WorkflowModule } from "./run/load-workflow-module.js";
export { CliUsageError } from "./errors/cli-usage-error.js";
export { cliVersion } from "./version.js";

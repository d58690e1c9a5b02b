import { Command } from "commander";
import { chatCommand } from "./chat/chat-command.js";
import { emulatorCommand } from "./emulator/emulator-command.js";
import { runCommand } from "./run/run-workflow-command.js";
import { cliVersion } from "./version.js";

/**
 * The `sluice` command line: `chat`, `run` (a workflow, with a live progress view) and `emulator`.
 *
 * @example
 * await createProgram().parseAsync(process.argv);
 */
export function createProgram(): Command {
  return new Command("sluice")
    .description("Sluice: agents on Amazon Bedrock, from the terminal")
    .version(cliVersion)
    .addCommand(chatCommand())
    .addCommand(runCommand())
    .addCommand(emulatorCommand())
    .showHelpAfterError();
}

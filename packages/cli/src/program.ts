import { Command } from "commander";
import { chatCommand } from "./chat/chat-command.js";
import { emulatorCommand } from "./emulator/emulator-command.js";
import { cliVersion } from "./version.js";

/**
 * The `sluice` command line: `chat` and `emulator`. (`run`, for workflows, comes with
 * `@sluice/workflows`.)
 *
 * @example
 * await createProgram().parseAsync(process.argv);
 */
export function createProgram(): Command {
  return new Command("sluice")
    .description("Sluice: agents on Amazon Bedrock, from the terminal")
    .version(cliVersion)
    .addCommand(chatCommand())
    .addCommand(emulatorCommand())
    .showHelpAfterError();
}

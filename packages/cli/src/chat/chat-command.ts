import { Command, InvalidArgumentError, Option } from "commander";
import picocolors from "picocolors";
import { SluiceError } from "@sluice/core";
import { defaultChatModelId, type ChatOptions } from "./chat-options.js";

interface ChatFlags {
  model: string;
  system?: string;
  api: "converse" | "invoke";
  tools: string[];
  mcp: string[];
  mcpUrl: string[];
  session?: string;
  emulator?: boolean;
  emulatorScript?: string;
  endpoint?: string;
  region?: string;
  maxSteps?: number;
  color: boolean;
}

/**
 * `sluice chat`: a conversation with an agent in the terminal. Interactive when standard input is
 * a terminal; otherwise it sends what it reads as one message and prints the answer.
 *
 * @example
 * createProgram().parseAsync(["node", "sluice", "chat", "--emulator"]);
 */
export function chatCommand(): Command {
  return new Command("chat")
    .description("Chat with a Bedrock model: live streaming, tools from modules and MCP servers, sessions kept in a file")
    .option("-m, --model <id>", "model ID, inference profile or ARN", process.env.SLUICE_MODEL_ID ?? defaultChatModelId)
    .option("-s, --system <text>", "system prompt")
    .addOption(new Option("--api <api>", "Bedrock API to call").choices(["converse", "invoke"]).default("converse"))
    .option("-t, --tools <module>", "a JavaScript or TypeScript module whose exports are tools (repeatable)", collect, [])
    .option("--mcp <command>", 'an MCP server to start over stdio, e.g. "npx -y @modelcontextprotocol/server-everything" (repeatable)', collect, [])
    .option("--mcp-url <url>", "an MCP server to reach over streamable HTTP (repeatable)", collect, [])
    .option("--session <file>", "keep the conversation in this file (an agent snapshot): continued at start, saved after every turn")
    .option("--emulator", "talk to the embedded Bedrock emulator instead of AWS (no account needed)")
    .option("--emulator-script <file>", "a script for the embedded emulator (implies --emulator)")
    .option("--endpoint <url>", "a Bedrock Runtime endpoint, e.g. a `sluice emulator` started elsewhere")
    .option("--region <region>", "AWS region (default: the AWS SDK's own resolution, e.g. AWS_REGION)")
    .option("--max-steps <number>", "most model calls per message", positiveInteger)
    .option("--no-color", "print without colours")
    .action(async (flags: ChatFlags) => {
      process.exitCode = await runChat(flags);
    });
}

async function runChat(flags: ChatFlags): Promise<number> {
  const options: ChatOptions = {
    modelId: flags.model,
    api: flags.api,
    tools: flags.tools,
    mcp: flags.mcp,
    mcpUrl: flags.mcpUrl,
    emulator: flags.emulator === true || flags.emulatorScript !== undefined,
    ...(flags.system !== undefined && { system: flags.system }),
    ...(flags.session !== undefined && { session: flags.session }),
    ...(flags.emulatorScript !== undefined && { emulatorScript: flags.emulatorScript }),
    ...(flags.endpoint !== undefined && { endpoint: flags.endpoint }),
    ...(flags.region !== undefined && { region: flags.region }),
    ...(flags.maxSteps !== undefined && { maxSteps: flags.maxSteps }),
  };
  // Loaded here, not at the top, so `sluice --help` and `sluice emulator` start without the agent stack.
  const [{ openChatSession }, { oneShotChat }, { replChat }] = await Promise.all([
    import("./chat-session.js"),
    import("./one-shot-chat.js"),
    import("./repl-chat.js"),
  ]);
  let session;
  try {
    session = await openChatSession(options);
  } catch (error) {
    process.stderr.write(`sluice chat: ${describe(error)}\n`);
    return 1;
  }
  try {
    if (process.stdin.isTTY) {
      await replChat(session, { input: process.stdin, output: process.stdout, color: flags.color && picocolors.isColorSupported });
      return 0;
    }
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once("SIGINT", onSigint);
    try {
      return await oneShotChat(session, process.stdin, process.stdout, process.stderr, controller.signal);
    } finally {
      process.off("SIGINT", onSigint);
    }
  } finally {
    await session.close();
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return SluiceError.isInstance(error) && error.code !== "cli-usage" ? `${error.name}: ${message}` : message;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, got "${value}".`);
  return parsed;
}

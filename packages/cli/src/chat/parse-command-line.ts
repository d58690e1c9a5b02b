import { parse } from "shell-quote";
import { CliUsageError } from "../errors/cli-usage-error.js";

/**
 * Splits an `--mcp` command line into the command and its arguments, with shell quoting rules
 * (no shell runs it: pipes, redirections and variables are refused).
 *
 * @example
 * parseCommandLine('npx -y @modelcontextprotocol/server-filesystem "/tmp/my files"');
 * // { command: "npx", args: ["-y", "@modelcontextprotocol/server-filesystem", "/tmp/my files"] }
 */
export function parseCommandLine(line: string): { command: string; args: string[] } {
  const words = parse(line, (name) => `$${name}`);
  const strings: string[] = [];
  for (const word of words) {
    if (typeof word !== "string") {
      throw new CliUsageError(`--mcp ${JSON.stringify(line)}: only a command and its arguments are allowed (no pipes, redirections or globs).`);
    }
    strings.push(word);
  }
  const [command, ...args] = strings;
  if (!command) throw new CliUsageError("--mcp needs a command, e.g. --mcp \"npx -y @modelcontextprotocol/server-everything\".");
  return { command, args };
}

import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { AgentSnapshot, ConversationSnapshot } from "@sluice/core";
import { CliUsageError } from "../errors/cli-usage-error.js";

/**
 * Reads the conversation kept in a session file (an agent snapshot as JSON), or undefined when
 * the file does not exist yet.
 *
 * @example
 * const conversation = readSessionFile("chat.json");
 */
export function readSessionFile(file: string): ConversationSnapshot | undefined {
  if (!existsSync(file)) return undefined;
  let snapshot: AgentSnapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, "utf8")) as AgentSnapshot;
  } catch (error) {
    throw new CliUsageError(`--session ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Move it away to start afresh.`);
  }
  if (snapshot?.format !== "sluice.agent" || snapshot.version !== 1 || snapshot.conversation?.format !== "sluice.conversation") {
    throw new CliUsageError(`--session ${file} is not a Sluice agent snapshot (format "sluice.agent", version 1). Move it away to start afresh.`);
  }
  return snapshot.conversation;
}

/**
 * Writes an agent snapshot to a session file, through a temporary file so an interrupted write
 * never leaves half a conversation.
 *
 * @example
 * writeSessionFile("chat.json", agent.snapshot());
 */
export function writeSessionFile(file: string, snapshot: AgentSnapshot): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(snapshot, null, 2)}\n`);
  renameSync(temporary, file);
}

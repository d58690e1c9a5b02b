/** Starting the contenders' client processes for a suite, skipping the ones that cannot run. */
import { ClientProcess } from "../client/client-process-handle.js";
import type { ContenderDefinition } from "../contenders/index.js";

/** Contenders that could not run, with the first line of the reason, by contender key. */
export type SkippedContenders = Record<string, string>;

/**
 * Notes a contender that could not run: the first line of `error` goes into `skipped` and the log,
 * so one broken contender does not stop the others.
 *
 * @example
 * noteSkipped(skipped, "strands", new Error("no such model\n…"), console.log); // "  strands: skipped (no such model)"
 */
export function noteSkipped(skipped: SkippedContenders, key: string, error: unknown, log: (line: string) => void): void {
  skipped[key] = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
  log(`  ${key}: skipped (${skipped[key]})`);
}

/**
 * Starts `processes` client processes per contender against the emulator at `endpoint`, each
 * contender's first process, then each one's second, and so on; a contender whose client fails
 * to start is skipped (see `noteSkipped`), with any of its processes already started.
 *
 * @example
 * const { clients, skipped } = await startClients(contenders, emulator.url, console.log);
 */
export async function startClients(
  contenders: readonly ContenderDefinition[],
  endpoint: string,
  log: (line: string) => void,
  processes = 1,
): Promise<{ clients: ClientProcess[]; skipped: SkippedContenders }> {
  const clients: ClientProcess[] = [];
  const skipped: SkippedContenders = {};
  for (let copy = 0; copy < processes; copy += 1) {
    for (const contender of contenders) {
      if (contender.key in skipped) continue;
      try {
        clients.push(await ClientProcess.start(contender, endpoint));
      } catch (error) {
        noteSkipped(skipped, contender.key, error, log);
      }
    }
  }
  const started = clients.filter((client) => !(client.contender.key in skipped));
  await Promise.all(clients.filter((client) => client.contender.key in skipped).map((client) => client.close()));
  return { clients: started, skipped };
}

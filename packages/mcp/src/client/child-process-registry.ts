/**
 * The MCP server processes this process started and has not closed yet. If the application
 * exits without closing its MCP clients, they are sent SIGTERM on the way out so no server is
 * left running (a well-behaved server also exits when its stdin closes, but not all do).
 */
const live = new Set<number>();
let listening = false;

function terminateAll(): void {
  for (const pid of live) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  live.clear();
}

export function trackChildProcess(pid: number | null | undefined): void {
  if (typeof pid !== "number") return;
  live.add(pid);
  if (!listening) {
    listening = true;
    process.once("exit", () => {
      listening = false;
      terminateAll();
    });
  }
}

export function untrackChildProcess(pid: number | null | undefined): void {
  if (typeof pid === "number") live.delete(pid);
}

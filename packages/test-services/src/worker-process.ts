import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/** A TypeScript program run in a child process (through tsx), talking in JSON lines on stdout. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Resolves with the first line whose `type` is `type`. */
  message<T = Record<string, unknown>>(type: string): Promise<T>;
  /** Writes one line to the worker's stdin. */
  send(line: string): void;
  /** Resolves with the exit code (or the signal's name) when the worker ends. */
  readonly exited: Promise<number | string>;
  /** What the worker wrote to stderr so far. */
  stderr(): string;
}

/**
 * Starts `file` with `node --conditions=development --import tsx`, `environment` added to this
 * process's. The worker writes JSON objects one per line (`{ "type": "ready" }` …) and may read
 * lines from stdin (e.g. a "go" that releases several workers at once).
 *
 * @example
 * const worker = startWorker(fileURLToPath(new URL("./fixtures/cache-worker.ts", import.meta.url)), { REDIS_URL: url });
 * await worker.message("ready"); worker.send("go"); const result = await worker.message("result");
 */
export function startWorker(file: string, environment: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--conditions=development", "--import", "tsx", file], {
    env: { ...process.env, ...environment },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const seen: Array<Record<string, unknown>> = [];
  const waiting: Array<{ type: string; resolve: (message: Record<string, unknown>) => void }> = [];
  let errors = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // not a message (a stray log line)
    }
    seen.push(message);
    for (const waiter of waiting.filter((candidate) => candidate.type === message["type"])) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  });
  return {
    child,
    exited,
    stderr: () => errors,
    send: (line) => void child.stdin?.write(`${line}\n`),
    message: <T>(type: string) => {
      const found = seen.find((message) => message["type"] === type);
      if (found) return Promise.resolve(found as T);
      return new Promise<T>((resolve, reject) => {
        waiting.push({ type, resolve: resolve as (message: Record<string, unknown>) => void });
        void exited.then((code) => reject(new Error(`worker ${file} exited (${code}) before sending "${type}":\n${errors.slice(-2_000)}`)));
      });
    },
  };
}

/** Inside a worker: writes one JSON message line. */
export function tell(message: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Inside a worker: resolves when the parent writes `line` to stdin. */
export function waitForLine(line: string): Promise<void> {
  return new Promise((resolve) => {
    const reader = createInterface({ input: process.stdin });
    reader.on("line", (text) => {
      if (text.trim() === line) {
        reader.close();
        resolve();
      }
    });
  });
}

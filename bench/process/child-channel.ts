/**
 * Request/response over a forked child's IPC channel: the benchmark driver asks, the child
 * (an emulator or one contender's client) answers. Timing happens inside the child, so the
 * channel's own cost is never measured.
 */
import { type ChildProcess, fork } from "node:child_process";

interface Envelope {
  id: number;
  body?: unknown;
  error?: string;
}

/** A child process answering requests; `request` resolves with the child's answer. */
export class ChildChannel {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private exitError: Error | undefined;

  private constructor(readonly child: ChildProcess, readonly name: string) {
    child.on("message", (message: Envelope) => {
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      if (message.error !== undefined) waiting.reject(new Error(`${name}: ${message.error}`));
      else waiting.resolve(message.body);
    });
    child.on("exit", (code, signal) => {
      this.exitError = new Error(`${name} exited (code ${String(code)}, signal ${String(signal)})`);
      for (const waiting of this.pending.values()) waiting.reject(this.exitError);
      this.pending.clear();
    });
  }

  /** Forks `moduleUrl` (a .ts file; the tsx loader is inherited) with `args`. */
  static fork(moduleUrl: URL, args: string[], name: string, extraExecArgv: string[] = []): ChildChannel {
    const child = fork(moduleUrl, args, {
      execArgv: [...process.execArgv, ...extraExecArgv],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    });
    return new ChildChannel(child, name);
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  request<Answer>(body: unknown): Promise<Answer> {
    if (this.exitError !== undefined) return Promise.reject(this.exitError);
    const id = this.nextId;
    this.nextId += 1;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.child.send({ id, body } satisfies Envelope);
    });
  }

  /** Asks the child to leave, and kills it if it has not within two seconds. */
  async close(): Promise<void> {
    if (this.exitError !== undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send({ id: 0, body: { type: "exit" } } satisfies Envelope);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 2_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * In a child: answers each request with `handler`'s result (or its error message). A request of
 * type `exit` ends the process after `beforeExit`.
 */
export function serveRequests<Request extends { type: string }>(handler: (body: Request) => Promise<unknown>, beforeExit?: () => Promise<void>): void {
  if (process.send === undefined) throw new Error("This module runs as a child process of bench/run.ts (it needs an IPC channel).");
  const send = process.send.bind(process);
  process.on("message", (message: Envelope) => {
    // The driver sends only what `Request` allows (and `exit`): the IPC boundary is where that is taken on trust.
    const body = message.body as Request | { type: "exit" };
    if (body.type === "exit") {
      void (beforeExit?.() ?? Promise.resolve()).finally(() => process.exit(0));
      return;
    }
    handler(body as Request).then(
      (answer) => send({ id: message.id, body: answer } satisfies Envelope),
      (error: unknown) => send({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Envelope),
    );
  });
}

/** This process's CPU time so far (user + system), in microseconds. */
export function cpuMicroseconds(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** This process's peak resident set size so far, in bytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

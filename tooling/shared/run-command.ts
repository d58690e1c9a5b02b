import { spawn } from "node:child_process";

/** What a finished command printed and how it ended. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of `runCommand`. */
export interface RunCommandOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command after this many milliseconds (default 5 minutes). */
  timeoutMs?: number;
  /** Resolve with a non-zero exit instead of throwing (default false). */
  allowFailure?: boolean;
}

/**
 * Runs a command without a shell and collects its output. A non-zero exit (or a timeout) throws an
 * error that quotes the command, its directory and the end of what it printed.
 */
export function runCommand(command: string, args: readonly string[], options: RunCommandOptions): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? cleanEnvironment(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 300_000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const result = { code, stdout, stderr };
      if ((code === 0 && !timedOut) || (options.allowFailure === true && !timedOut)) resolve(result);
      else reject(new Error(describeFailure(command, args, options.cwd, result, timedOut)));
    });
  });
}

function describeFailure(command: string, args: readonly string[], cwd: string, result: CommandResult, timedOut: boolean): string {
  const how = timedOut ? "timed out" : `exited with ${String(result.code)}`;
  const tail = (text: string) => text.trim().split("\n").slice(-40).join("\n");
  return `\`${[command, ...args].join(" ")}\` in ${cwd} ${how}.\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`;
}

/**
 * The environment without what an enclosing `npm test` / `pnpm` run sets for its own scripts
 * (package fields, lifecycle names, the user agent), without AWS settings that would send a
 * child's clients elsewhere, and with the AWS SDK's Node-version warning off.
 */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_package_|npm_lifecycle_|npm_config_user_agent$|npm_command$|npm_execpath$|npm_node_execpath$|PNPM_|pnpm_)/i.test(name)) continue;
    if (/^AWS_/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...extra };
}

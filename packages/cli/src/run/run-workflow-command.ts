import { readFileSync, writeFileSync } from "node:fs";
import type { Writable } from "node:stream";
import type { WriteStream } from "node:tty";
import { Command, Option } from "commander";
import picocolors from "picocolors";
import { SluiceError } from "@sluice/core";
import type { Emulator } from "@sluice/emulator";
import type { WorkflowResult } from "@sluice/workflows";
import { CliUsageError } from "../errors/cli-usage-error.js";
import { LiveRunView } from "./live-run-view.js";
import { PlainRunView } from "./plain-run-view.js";
import { formatDuration, RunProgress } from "./run-progress.js";

/** The options of `sluice run`. */
export interface RunFlags {
  export?: string;
  input?: string;
  inputFile?: string;
  emulator?: boolean;
  emulatorScript?: string;
  model?: string;
  json?: boolean;
  saveState?: string;
  color: boolean;
}

/**
 * `sluice run <module>`: runs the workflow a module exports, with a live progress view in a
 * terminal (steps running and done, tokens, elapsed time) and plain lines otherwise, then a summary.
 *
 * @example
 * createProgram().parseAsync(["node", "sluice", "run", "./report.ts", "--input", '{"month":"2026-08"}', "--emulator"]);
 */
export function runCommand(): Command {
  return new Command("run")
    .description("Run a workflow exported by a module, with a live progress view and a summary")
    .argument("<module>", "a JavaScript or TypeScript module exporting a workflow (from @sluice/workflows)")
    .option("--export <name>", "the export to run when the module exports several workflows")
    .option("--input <json>", "the workflow's input, as JSON")
    .option("--input-file <file>", "a file holding the workflow's input as JSON")
    .option("--emulator", "run against the embedded Bedrock emulator (scripted by the module's `emulatorScript` export, if any)")
    .option("--emulator-script <file>", "a script for the embedded emulator (implies --emulator)")
    .option("-m, --model <id>", "sets SLUICE_MODEL_ID for the module (for workflows that read it)")
    .option("--json", "one JSON object per event instead of the progress view")
    .option("--save-state <file>", "when the run pauses, write its state (JSON) to this file, for workflow.resume()")
    .addOption(new Option("--no-color", "print without colours"))
    .action(async (file: string, flags: RunFlags) => {
      process.exitCode = await runWorkflowCommand(file, flags, { stdout: process.stdout, stderr: process.stderr });
    });
}

/**
 * Runs `sluice run` with parsed flags; resolves with the exit code: 0 complete, 1 failed, 2 paused,
 * 130 stopped with Ctrl-C.
 *
 * @example
 * const code = await runWorkflowCommand("./report.ts", { emulator: true, color: false }, { stdout: process.stdout, stderr: process.stderr });
 */
export async function runWorkflowCommand(file: string, flags: RunFlags, streams: { stdout: Writable; stderr: Writable }): Promise<number> {
  const { stdout, stderr } = streams;
  const color = flags.color && picocolors.isColorSupported && !flags.json;
  const colors = picocolors.createColors(color);
  let emulator: Emulator | undefined;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort(new Error("stopped with Ctrl-C"));
  process.once("SIGINT", onSigint);
  try {
    const input = readInput(flags);
    if (flags.model !== undefined) process.env.SLUICE_MODEL_ID = flags.model;
    if (flags.emulator || flags.emulatorScript !== undefined) {
      const { startEmulator } = await import("@sluice/emulator");
      emulator = await startEmulator(flags.emulatorScript ? { scriptFile: flags.emulatorScript } : {});
      // Agents built without client options find the emulator through the environment, as they would find Bedrock.
      Object.assign(process.env, emulator.environment);
    }
    const { loadWorkflowModule } = await import("./load-workflow-module.js");
    const loaded = await loadWorkflowModule(file, flags.export);
    if (emulator && flags.emulatorScript === undefined && loaded.emulatorScript) emulator.script(loaded.emulatorScript);

    const progress = new RunProgress(Date.now());
    const live = !flags.json && (stdout as WriteStream).isTTY === true;
    const title = `${loaded.workflow.name}${emulator ? colors.dim(" (embedded emulator)") : ""}`;
    const view = live ? new LiveRunView(stdout as WriteStream, { color, title }) : new PlainRunView(stdout, { json: flags.json === true, color });
    const running = loaded.workflow.stream(input, { signal: controller.signal });
    try {
      for await (const event of running) {
        progress.apply(event);
        view.show(event, progress);
      }
      const result = await running.result;
      view.stop();
      return summarise(result, progress, flags, stdout, colors);
    } catch (error) {
      view.stop();
      throw error;
    }
  } catch (error) {
    if (controller.signal.aborted) {
      stderr.write(`${colors.yellow("Stopped")}: the run was aborted; running agents rolled their turns back.\n`);
      return 130;
    }
    stderr.write(`${colors.red("sluice run")}: ${describe(error)}\n`);
    return 1;
  } finally {
    process.off("SIGINT", onSigint);
    await emulator?.close();
  }
}

function summarise(result: WorkflowResult<unknown>, progress: RunProgress, flags: RunFlags, out: Writable, colors: ReturnType<typeof picocolors.createColors>): number {
  const counts = progress.counts();
  const duration = formatDuration(Date.now() - progress.startedAt);
  const tokens = result.usage.totalTokens;
  if (result.status === "paused" && flags.saveState) writeFileSync(flags.saveState, JSON.stringify(result.state));
  if (flags.json) {
    const summary = { type: "summary", status: result.status, runId: result.runId, usage: result.usage, steps: counts.done, ...(result.status === "complete" ? { output: result.output } : { pending: result.pending }) };
    out.write(`${JSON.stringify(summary)}\n`);
    return result.status === "complete" ? 0 : 2;
  }
  const figures = `${counts.done} steps done · ${tokens.toLocaleString("en")} tokens · ${duration}`;
  if (result.status === "complete") {
    out.write(`\n${colors.green(colors.bold("Complete"))} — ${figures}\n${formatOutput(result.output)}\n`);
    return 0;
  }
  const waiting = result.pending.map((pending) => `  ${pending.id}: ${pending.reason}${pending.toolName ? ` (${pending.toolName} ${JSON.stringify(pending.toolInput)})` : ""}`).join("\n");
  const saved = flags.saveState ? `State written to ${flags.saveState}; resume it with workflow.resume(state, { [id]: value }).` : "Pass --save-state <file> to keep the state for workflow.resume().";
  out.write(`\n${colors.yellow(colors.bold("Paused"))} — ${figures}\nWaiting for:\n${waiting}\n${saved}\n`);
  return 2;
}

function readInput(flags: RunFlags): unknown {
  if (flags.input !== undefined && flags.inputFile !== undefined) throw new CliUsageError("Give the input once: --input or --input-file.");
  const text = flags.inputFile !== undefined ? readFile(flags.inputFile) : flags.input;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliUsageError(`The input is not JSON (${(error as Error).message}). Quote it for the shell, e.g. --input '{"topic":"tides"}'.`);
  }
}

function readFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new CliUsageError(`--input-file ${file} cannot be read: ${(error as Error).message}`);
  }
}

function formatOutput(output: unknown): string {
  const text = typeof output === "string" ? output : JSON.stringify(output, null, 2);
  return text === undefined ? "(no output)" : text.length > 4000 ? `${text.slice(0, 4000)}…` : text;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return SluiceError.isInstance(error) && error.code !== "cli-usage" ? `${error.name}: ${message}` : message;
}

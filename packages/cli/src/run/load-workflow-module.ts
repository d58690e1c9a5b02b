import { existsSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ScriptDefinition } from "@sluice/emulator";
import type { Workflow } from "@sluice/workflows";
import { CliUsageError } from "../errors/cli-usage-error.js";

const typeScriptExtensions = new Set([".ts", ".mts", ".cts", ".tsx"]);

/** A workflow module as `sluice run` loaded it. */
export interface WorkflowModule {
  /** The export name and the workflow chosen. */
  name: string;
  workflow: Workflow<unknown, unknown>;
  /** The module's `emulatorScript` export, which scripts the embedded emulator under `--emulator`. */
  emulatorScript: ScriptDefinition | undefined;
}

/**
 * Imports a module (TypeScript through tsx) and picks the workflow to run: the export named by
 * `exportName`, or the only exported workflow (a value made by `workflow(...)` from
 * `@sluice/workflows`).
 *
 * @example
 * const { workflow } = await loadWorkflowModule("./report.ts"); // the module's one exported workflow
 */
export async function loadWorkflowModule(file: string, exportName?: string, cwd = process.cwd()): Promise<WorkflowModule> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new CliUsageError(`${file}: no such file (looked for ${path}).`);
  let namespace: Record<string, unknown>;
  try {
    if (typeScriptExtensions.has(extname(path))) {
      const { tsImport } = await import("tsx/esm/api");
      namespace = (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
    } else {
      namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    }
  } catch (error) {
    throw new CliUsageError(`${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const workflows = Object.entries(namespace).filter((entry): entry is [string, Workflow<unknown, unknown>] => isWorkflow(entry[1]));
  const script = namespace["emulatorScript"] as ScriptDefinition | undefined;
  const emulatorScript = typeof script === "object" && script !== null ? script : undefined;
  if (exportName !== undefined) {
    const chosen = workflows.find(([name]) => name === exportName);
    if (!chosen) {
      const known = workflows.length === 0 ? "it exports none" : `it exports ${workflows.map(([name]) => name).join(", ")}`;
      throw new CliUsageError(`${file} has no exported workflow named "${exportName}"; ${known}.`);
    }
    return { name: chosen[0], workflow: chosen[1], emulatorScript };
  }
  if (workflows.length === 0) throw new CliUsageError(`${file} exports no workflow. Export the result of workflow({ name, steps }) from @sluice/workflows.`);
  if (workflows.length > 1) throw new CliUsageError(`${file} exports several workflows (${workflows.map(([name]) => name).join(", ")}); pick one with --export <name>.`);
  const [only] = workflows as [[string, Workflow<unknown, unknown>]];
  return { name: only[0], workflow: only[1], emulatorScript };
}

/** A workflow by shape (so a module using another copy of @sluice/workflows works too). */
function isWorkflow(value: unknown): value is Workflow<unknown, unknown> {
  const candidate = value as Partial<Workflow<unknown, unknown>> | undefined;
  return typeof candidate === "object" && candidate !== null && candidate.kind === "workflow" && typeof candidate.stream === "function" && typeof candidate.name === "string";
}

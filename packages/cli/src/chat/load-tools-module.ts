import { existsSync } from "node:fs";
import { extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AgentTool } from "@sluice/core";
import { CliUsageError } from "../errors/cli-usage-error.js";

const typeScriptExtensions = new Set([".ts", ".mts", ".cts", ".tsx"]);

/**
 * Imports a module and collects the tools it exports: every export that is a tool
 * (`defineTool(...)` or any `AgentTool`), or an array of tools. TypeScript modules are loaded
 * through tsx, so `--tools ./tools.ts` works without a build.
 *
 * @example
 * const tools = await loadToolsModule("./tools.ts"); // [getWeather, convertTemperature]
 */
export async function loadToolsModule(file: string, cwd = process.cwd()): Promise<AgentTool[]> {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw new CliUsageError(`--tools ${file}: no such file (looked for ${path}).`);
  let namespace: Record<string, unknown>;
  try {
    if (typeScriptExtensions.has(extname(path))) {
      const { tsImport } = await import("tsx/esm/api");
      namespace = (await tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
    } else {
      namespace = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    }
  } catch (error) {
    throw new CliUsageError(`--tools ${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const tools = new Map<string, AgentTool>();
  for (const value of Object.values(namespace)) {
    for (const candidate of Array.isArray(value) ? value : [value]) {
      if (isTool(candidate)) tools.set(candidate.name, candidate);
    }
  }
  if (tools.size === 0) {
    throw new CliUsageError(`--tools ${file} exports no tools. Export the results of defineTool(...) (or an array of them).`);
  }
  return [...tools.values()];
}

function isTool(value: unknown): value is AgentTool {
  const tool = value as AgentTool | undefined;
  return typeof tool === "object" && tool !== null && typeof tool.name === "string" && typeof tool.invoke === "function" && typeof tool.inputSchema === "object";
}

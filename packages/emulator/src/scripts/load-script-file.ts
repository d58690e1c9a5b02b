import { readFile } from "node:fs/promises";
import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import type { ScriptDefinition } from "./script-types.js";
import { validateScript } from "./validate-script.js";

/**
 * Reads and validates a JSON script file.
 *
 * @example
 * const script = await loadScriptFile("./emulator-script.json");
 */
export async function loadScriptFile(path: string): Promise<ScriptDefinition> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new EmulatorConfigurationError(`Cannot read script file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new EmulatorConfigurationError(`Script file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  validateScript(parsed as ScriptDefinition);
  return parsed as ScriptDefinition;
}

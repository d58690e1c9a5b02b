import { DBOS } from "@dbos-inc/dbos-sdk";
import { DurableConfigurationError } from "../errors/durable-error.js";

/** Registers `body` as the DBOS workflow `name`; registering after `DBOS.launch()` is a typed error. */
export function registerWorkflow<Args extends unknown[], Return>(name: string, body: (...args: Args) => Promise<Return>): (...args: Args) => Promise<Return> {
  try {
    return DBOS.registerWorkflow(body, { name });
  } catch (error) {
    throw new DurableConfigurationError(
      `Could not register the DBOS workflow "${name}": ${error instanceof Error ? error.message.split("\n")[0] : String(error)} ` +
        "Create every durable agent and workflow once, at module load, before DBOS.launch(), with a name no other one uses.",
    );
  }
}

/** Throws a typed error unless DBOS was launched in this process. */
export function ensureLaunched(what: string): void {
  if (!DBOS.isInitialized()) {
    throw new DurableConfigurationError(`${what} needs DBOS: call DBOS.setConfig({ name, systemDatabaseUrl, applicationVersion }) and await DBOS.launch() first.`);
  }
}

/** Checks a durable agent's or workflow's name: letters, digits, `.`, `_` and `-`. */
export function checkName(kind: string, name: unknown): string {
  if (typeof name !== "string" || !/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
    throw new DurableConfigurationError(
      `${kind}: name must be 1-100 letters, digits, ".", "_" or "-" (got ${JSON.stringify(name)}). It names the DBOS workflow, so keep it the same across processes and versions.`,
    );
  }
  return name;
}

import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import { bedrockExceptionNames, findException } from "../errors/exception-table.js";
import { operationNames } from "../server/operation-name.js";
import type { FaultRule } from "./fault-types.js";

function fail(path: string, problem: string): never {
  throw new EmulatorConfigurationError(`Invalid fault: ${path} ${problem}`);
}

const ruleKeys = new Set(["id", "modelId", "operations", "firstCalls", "everyNth", "probability", "seed", "times", "effect"]);

/**
 * Checks a fault rule (usually parsed from JSON) and throws an EmulatorConfigurationError naming
 * the bad field.
 *
 * @example
 * validateFault({ effect: { type: "error", exception: "ThrottlingException" } }, "faults[0]"); // ok
 */
export function validateFault(rule: FaultRule, path = "fault"): void {
  if (typeof rule !== "object" || rule === null) fail(path, "must be an object { effect, operations?, modelId?, … }");
  for (const key of Object.keys(rule)) {
    if (!ruleKeys.has(key)) fail(path, `has unknown key "${key}"; allowed: ${[...ruleKeys].join(", ")}`);
  }
  for (const key of ["firstCalls", "everyNth", "times"] as const) {
    const value = rule[key];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) fail(`${path}.${key}`, "must be a positive integer");
  }
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    fail(`${path}.probability`, "must be a number between 0 and 1");
  }
  if (rule.operations !== undefined) {
    if (!Array.isArray(rule.operations)) fail(`${path}.operations`, `must be an array of ${operationNames.join(", ")}`);
    for (const operation of rule.operations) {
      if (!operationNames.includes(operation)) fail(`${path}.operations`, `has unknown operation "${operation}"; use ${operationNames.join(", ")}`);
    }
  }
  const effect = rule.effect as unknown as Record<string, unknown> | undefined;
  if (typeof effect !== "object" || effect === null) fail(`${path}.effect`, "is required, e.g. { type: \"error\", exception: \"ThrottlingException\" }");
  switch (effect["type"]) {
    case "error":
    case "stream-error":
      if (typeof effect["exception"] !== "string" || findException(effect["exception"]) === undefined) {
        fail(`${path}.effect.exception`, `must name a known exception: ${bedrockExceptionNames.join(", ")}`);
      }
      if (effect["type"] === "stream-error" && findException(effect["exception"])?.streamMemberName === undefined) {
        fail(`${path}.effect.exception`, `${String(effect["exception"])} cannot appear inside an event stream; use ValidationException, ThrottlingException, ModelStreamErrorException, ModelTimeoutException, InternalServerException or ServiceUnavailableException`);
      }
      break;
    case "disconnect":
    case "truncate":
    case "corrupt":
      break;
    case "latency":
      if (typeof effect["delayMs"] !== "number" || !(effect["delayMs"] >= 0)) fail(`${path}.effect.delayMs`, "must be a number ≥ 0");
      break;
    default:
      fail(`${path}.effect.type`, "must be one of error, stream-error, disconnect, truncate, corrupt, latency");
  }
  if ("afterEvents" in effect && effect["afterEvents"] !== undefined) {
    const afterEvents = effect["afterEvents"];
    if (typeof afterEvents !== "number" || !Number.isInteger(afterEvents) || afterEvents < 0) {
      fail(`${path}.effect.afterEvents`, "must be an integer ≥ 0");
    }
  }
}

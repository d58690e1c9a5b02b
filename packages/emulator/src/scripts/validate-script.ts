import { EmulatorConfigurationError } from "../errors/emulator-configuration-error.js";
import type { ScriptDefinition } from "./script-types.js";
import { isJsonObject } from "../wire/is-json-object.js";

const stopReasons = new Set([
  "end_turn",
  "tool_use",
  "max_tokens",
  "stop_sequence",
  "guardrail_intervened",
  "content_filtered",
  "malformed_model_output",
  "malformed_tool_use",
  "model_context_window_exceeded",
]);
const scriptKeys = new Set(["turns", "rules", "models", "streaming", "faults"]);
const replyKeys = new Set(["text", "toolCalls", "reasoning", "content", "stopReason", "usage"]);

function fail(path: string, problem: string): never {
  throw new EmulatorConfigurationError(`Invalid script: ${path} ${problem}`);
}

/**
 * Checks a script's shape (usually parsed from JSON) and throws an EmulatorConfigurationError
 * naming the first bad field and what it accepts.
 *
 * @example
 * validateScript({ turns: [{ text: "hi" }] }); // ok
 * validateScript({ turns: [{ txt: "hi" }] }); // throws: turns[0] has unknown key "txt" …
 */
export function validateScript(definition: ScriptDefinition): void {
  if (!isJsonObject(definition)) fail("script", "must be an object like { turns: [...], rules: [...] }");
  for (const key of Object.keys(definition)) {
    if (!scriptKeys.has(key)) fail("script", `has unknown key "${key}"; allowed: ${[...scriptKeys].join(", ")}`);
  }
  validateTurns(definition.turns, "turns");
  validateRules(definition.rules, "rules");
  if (definition.models !== undefined) {
    if (!isJsonObject(definition.models)) fail("models", "must map model IDs to { turns, rules }");
    for (const [modelId, script] of Object.entries(definition.models)) {
      if (!isJsonObject(script)) fail(`models["${modelId}"]`, "must be an object { turns?, rules? }");
      validateTurns(script["turns"], `models["${modelId}"].turns`);
      validateRules(script["rules"], `models["${modelId}"].rules`);
    }
  }
  if (definition.streaming !== undefined) validateStreaming(definition.streaming, "streaming");
}

function validateTurns(turns: unknown, path: string): void {
  if (turns === undefined) return;
  if (!Array.isArray(turns)) fail(path, "must be an array of replies");
  turns.forEach((reply, index) => validateReply(reply, `${path}[${index}]`));
}

function validateRules(rules: unknown, path: string): void {
  if (rules === undefined) return;
  if (!Array.isArray(rules)) fail(path, "must be an array of { match, reply }");
  rules.forEach((rule, index) => {
    const rulePath = `${path}[${index}]`;
    if (!isJsonObject(rule)) fail(rulePath, "must be an object { match, reply, modelId?, times? }");
    const match = rule["match"];
    if (!isJsonObject(match)) fail(`${rulePath}.match`, "must be an object { text?, regex?, toolResult? }");
    if (match["text"] !== undefined && typeof match["text"] !== "string") fail(`${rulePath}.match.text`, "must be a string");
    const regex = match["regex"];
    if (regex !== undefined) {
      if (typeof regex === "string") {
        try {
          new RegExp(regex);
        } catch (error) {
          fail(`${rulePath}.match.regex`, `is not a valid regular expression: ${(error as Error).message}`);
        }
      } else if (!(regex instanceof RegExp)) fail(`${rulePath}.match.regex`, "must be a string or RegExp");
    }
    const toolResult = match["toolResult"];
    if (toolResult !== undefined && toolResult !== true && !isJsonObject(toolResult)) {
      fail(`${rulePath}.match.toolResult`, "must be true or { toolUseId?, name?, status?, contains? }");
    }
    validateReply(rule["reply"], `${rulePath}.reply`);
    if (rule["times"] !== undefined && !isPositiveInteger(rule["times"])) fail(`${rulePath}.times`, "must be a positive integer");
    if (rule["modelId"] !== undefined && typeof rule["modelId"] !== "string") fail(`${rulePath}.modelId`, "must be a string");
  });
}

function validateReply(reply: unknown, path: string): void {
  if (!isJsonObject(reply)) fail(path, "must be an object like { text: \"…\" } or { toolCalls: [...] }");
  for (const key of Object.keys(reply)) {
    if (!replyKeys.has(key)) fail(path, `has unknown key "${key}"; allowed: ${[...replyKeys].join(", ")}`);
  }
  if (reply["text"] !== undefined && typeof reply["text"] !== "string") fail(`${path}.text`, "must be a string");
  if (reply["stopReason"] !== undefined && !stopReasons.has(reply["stopReason"] as string)) {
    fail(`${path}.stopReason`, `must be one of ${[...stopReasons].join(", ")}`);
  }
  const toolCalls = reply["toolCalls"];
  if (toolCalls !== undefined) {
    if (!Array.isArray(toolCalls)) fail(`${path}.toolCalls`, "must be an array of { name, input?, toolUseId? }");
    toolCalls.forEach((call, index) => {
      if (!isJsonObject(call) || typeof call["name"] !== "string" || call["name"].length === 0) {
        fail(`${path}.toolCalls[${index}]`, "must have a non-empty string name");
      }
    });
  }
  const reasoning = reply["reasoning"];
  if (reasoning !== undefined) {
    const readable = isJsonObject(reasoning) && typeof reasoning["text"] === "string";
    const redacted = isJsonObject(reasoning) && typeof reasoning["redactedContent"] === "string";
    if (!readable && !redacted) fail(`${path}.reasoning`, "must be { text, signature? } or { redactedContent: <base64> }");
  }
  if (reply["content"] !== undefined && !Array.isArray(reply["content"])) fail(`${path}.content`, "must be an array of Converse content blocks");
  if (reply["usage"] !== undefined && !isJsonObject(reply["usage"])) fail(`${path}.usage`, "must be an object of token counts");
}

/**
 * Checks streaming pacing options.
 *
 * @example
 * validateStreaming({ chunkSize: 4 }, "streaming"); // ok
 */
export function validateStreaming(streaming: unknown, path: string): void {
  if (!isJsonObject(streaming)) fail(path, "must be an object { chunkSize?, firstTokenDelayMs?, chunkDelayMs? }");
  if (streaming["chunkSize"] !== undefined && !isPositiveInteger(streaming["chunkSize"])) {
    fail(`${path}.chunkSize`, "must be a positive integer");
  }
  for (const key of ["firstTokenDelayMs", "chunkDelayMs"]) {
    const value = streaming[key];
    if (value !== undefined && (typeof value !== "number" || !(value >= 0))) fail(`${path}.${key}`, "must be a number ≥ 0");
  }
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

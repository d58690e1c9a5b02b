import { ConstraintViolations } from "./constraint-violations.js";
import { isJsonObject } from "../wire/is-json-object.js";

const toolNamePattern = /^[a-zA-Z0-9_-]+$/;
const toolUseIdPattern = /^[a-zA-Z0-9_.:-]+$/;

/**
 * Checks the Converse body against the service model's member constraints (enums, lengths,
 * ranges, patterns) and collects every violation, as the service's validator reports them all
 * at once.
 *
 * @example
 * checkConverseConstraints({ inferenceConfig: { temperature: 1.5 } }).message();
 * // "1 validation error detected: Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1"
 */
export function checkConverseConstraints(body: Record<string, unknown>): ConstraintViolations {
  const violations = new ConstraintViolations();
  const messages = body["messages"];
  if (Array.isArray(messages)) {
    messages.forEach((message, messageIndex) => {
      const path = `messages.${messageIndex + 1}.member`;
      if (!isJsonObject(message)) {
        violations.notNull(null, path);
        return;
      }
      if (violations.notNull(message["role"], `${path}.role`)) {
        violations.enumeration(message["role"], `${path}.role`, ["user", "assistant"]);
      }
      const content = message["content"];
      if (!violations.notNull(content, `${path}.content`) || !Array.isArray(content)) return;
      content.forEach((block, blockIndex) => {
        if (!isJsonObject(block)) return;
        const blockPath = `${path}.content.${blockIndex + 1}.member`;
        const toolUse = block["toolUse"];
        if (isJsonObject(toolUse)) {
          checkToolName(violations, toolUse["name"], `${blockPath}.toolUse.name`);
          checkToolUseId(violations, toolUse["toolUseId"], `${blockPath}.toolUse.toolUseId`);
        }
        const toolResult = block["toolResult"];
        if (isJsonObject(toolResult)) {
          checkToolUseId(violations, toolResult["toolUseId"], `${blockPath}.toolResult.toolUseId`);
          if (toolResult["status"] !== undefined) {
            violations.enumeration(toolResult["status"], `${blockPath}.toolResult.status`, ["success", "error"]);
          }
        }
      });
    });
  }
  checkInferenceConfig(violations, body["inferenceConfig"]);
  checkOutputConfig(violations, body["outputConfig"]);
  const serviceTier = body["serviceTier"];
  if (isJsonObject(serviceTier)) violations.notNull(serviceTier["type"], "serviceTier.type");
  checkToolConfig(violations, body["toolConfig"]);
  const paths = body["additionalModelResponseFieldPaths"];
  if (Array.isArray(paths)) {
    violations.length(paths, "additionalModelResponseFieldPaths", 0, 10);
    paths.forEach((path, index) => {
      if (typeof path === "string") violations.length(path, `additionalModelResponseFieldPaths.${index + 1}.member`, 1, 256);
    });
  }
  return violations;
}

function checkToolName(violations: ConstraintViolations, name: unknown, path: string): void {
  if (!violations.notNull(name, path) || typeof name !== "string") return;
  violations.pattern(name, path, toolNamePattern, "[a-zA-Z0-9_-]+");
  violations.length(name, path, 1, 64);
}

function checkToolUseId(violations: ConstraintViolations, toolUseId: unknown, path: string): void {
  if (!violations.notNull(toolUseId, path) || typeof toolUseId !== "string") return;
  violations.pattern(toolUseId, path, toolUseIdPattern, "[a-zA-Z0-9_\\.\\-:]+");
  violations.length(toolUseId, path, 1, 64);
}

function checkInferenceConfig(violations: ConstraintViolations, config: unknown): void {
  if (!isJsonObject(config)) return;
  const { maxTokens, temperature, topP, stopSequences } = config;
  if (typeof maxTokens === "number") violations.minimum(maxTokens, "inferenceConfig.maxTokens", 1);
  for (const [name, value] of [["temperature", temperature], ["topP", topP]] as const) {
    if (typeof value !== "number") continue;
    violations.minimum(value, `inferenceConfig.${name}`, 0);
    violations.maximum(value, `inferenceConfig.${name}`, 1);
  }
  if (Array.isArray(stopSequences)) {
    violations.length(stopSequences, "inferenceConfig.stopSequences", 0, 2500);
    stopSequences.forEach((sequence, index) => {
      if (typeof sequence === "string") violations.length(sequence, `inferenceConfig.stopSequences.${index + 1}.member`, 1);
    });
  }
}

function checkToolConfig(violations: ConstraintViolations, config: unknown): void {
  if (!isJsonObject(config)) return;
  const tools = config["tools"];
  if (!violations.notNull(tools, "toolConfig.tools") || !Array.isArray(tools)) return;
  violations.length(tools, "toolConfig.tools", 1);
  tools.forEach((tool, index) => {
    const path = `toolConfig.tools.${index + 1}.member`;
    if (!isJsonObject(tool)) return;
    const spec = tool["toolSpec"];
    if (!isJsonObject(spec)) return;
    checkToolName(violations, spec["name"], `${path}.toolSpec.name`);
    if (typeof spec["description"] === "string") violations.length(spec["description"], `${path}.toolSpec.description`, 1);
    violations.notNull(spec["inputSchema"], `${path}.toolSpec.inputSchema`);
  });
  const choice = config["toolChoice"];
  if (isJsonObject(choice) && isJsonObject(choice["tool"])) {
    checkToolName(violations, choice["tool"]["name"], "toolConfig.toolChoice.tool.name");
  }
}

function checkOutputConfig(violations: ConstraintViolations, config: unknown): void {
  if (!isJsonObject(config)) return;
  const format = config["textFormat"];
  if (!isJsonObject(format)) return;
  if (violations.notNull(format["type"], "outputConfig.textFormat.type")) {
    violations.enumeration(format["type"], "outputConfig.textFormat.type", ["json_schema"]);
  }
  if (!violations.notNull(format["structure"], "outputConfig.textFormat.structure") || !isJsonObject(format["structure"])) return;
  const jsonSchema = format["structure"]["jsonSchema"];
  if (isJsonObject(jsonSchema)) violations.notNull(jsonSchema["schema"], "outputConfig.textFormat.structure.jsonSchema.schema");
}

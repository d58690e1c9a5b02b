import { createHash } from "node:crypto";
import type { ContentBlock, ModelRequest, SystemContentBlock } from "@sluice/core";
import { canonicalJson } from "./canonical-json.js";

/**
 * The cache key of a request: a SHA-256 over the parts that decide the answer — model ID,
 * system prompt, messages, inference, tool, guardrail and output configuration, and extra
 * model fields — normalised (keys sorted, `cachePoint` markers removed, since prompt-cache
 * placement changes cost, not the answer). Request metadata, performance and service tier
 * are left out.
 *
 * @example
 * responseCacheKey({ modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text: "Hi" }] }] });
 */
export function responseCacheKey(request: ModelRequest): string {
  const normalised = {
    modelId: request.modelId,
    system: request.system?.filter(notCachePoint),
    messages: request.messages?.map((message) => ({ role: message.role, content: message.content?.filter(notCachePoint) })),
    inferenceConfig: request.inferenceConfig,
    toolConfig: request.toolConfig && { ...request.toolConfig, tools: request.toolConfig.tools?.filter((tool) => !tool.cachePoint) },
    additionalModelRequestFields: request.additionalModelRequestFields,
    additionalModelResponseFieldPaths: request.additionalModelResponseFieldPaths,
    guardrailConfig: request.guardrailConfig,
    outputConfig: request.outputConfig,
    promptVariables: request.promptVariables,
  };
  return createHash("sha256").update(canonicalJson(normalised)).digest("base64url");
}

function notCachePoint(block: ContentBlock | SystemContentBlock): boolean {
  return block.cachePoint === undefined;
}

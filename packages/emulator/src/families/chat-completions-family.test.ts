import { describe, expect, it } from "vitest";
import { chatCompletionsFamily } from "./chat-completions-family.js";
import type { ModelTurn, RenderContext } from "./model-family.js";
import { resolveFamily } from "./resolve-family.js";

const qwen = chatCompletionsFamily("qwen", /^qwen\.qwen3/);
const context: RenderContext = { modelId: "qwen.qwen3-32b-v1:0", requestId: "r", chunkSize: 4, invocationMetrics: { inputTokenCount: 3, outputTokenCount: 5 } };
const turn: ModelTurn = {
  content: [{ reasoningContent: { reasoningText: { text: "Look it up." } } }, { text: "Calling." }, { toolUse: { toolUseId: "call_1", name: "weather", input: { city: "Paris" } } }],
  stopReason: "tool_use",
  usage: { inputTokens: 3, outputTokens: 5, totalTokens: 8 },
};

describe("chat-completions families", () => {
  it("reads system, tools, limits and the model's own extras from the body", () => {
    const request = qwen.parseRequest({
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hi" }],
      max_tokens: 50,
      tools: [{ type: "function", function: { name: "weather", parameters: { type: "object" } } }],
      tool_choice: "required",
      chat_template_kwargs: { enable_thinking: false },
      response_format: { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } },
    });
    expect(request.system).toEqual([{ text: "Be brief." }]);
    expect(request.inferenceConfig).toEqual({ maxTokens: 50 });
    expect(request.toolConfig?.toolChoice).toEqual({ any: {} });
    expect(request.additionalModelRequestFields).toEqual({ chat_template_kwargs: { enable_thinking: false }, response_format: { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } } });
  });

  it("answers with reasoning_content, tool calls and the finish reason", () => {
    const body = qwen.renderResponse(turn, context) as { object: string; model: string; choices: Array<{ message: Record<string, unknown>; finish_reason: string }> };
    expect(body.object).toBe("chat.completion");
    expect(body.model).toBe("qwen.qwen3-32b-v1:0");
    expect(body.choices[0]?.message).toEqual({
      role: "assistant",
      content: "Calling.",
      reasoning_content: "Look it up.",
      tool_calls: [{ id: "call_1", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } }],
    });
    expect(body.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("streams reasoning, then content, then tool calls, with usage and metrics in the last chunk", () => {
    const chunks = qwen.renderStream(turn, context) as Array<{ choices: Array<{ delta: Record<string, unknown> }>; usage?: unknown }>;
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta);
    expect(deltas.map((delta) => delta?.reasoning_content ?? "").join("")).toBe("Look it up.");
    expect(deltas.map((delta) => delta?.content ?? "").join("")).toBe("Calling.");
    expect(deltas.findIndex((delta) => delta?.tool_calls !== undefined)).toBe(deltas.length - 2);
    expect(chunks.at(-1)).toMatchObject({ usage: { prompt_tokens: 3, completion_tokens: 5 }, "amazon-bedrock-invocationMetrics": { inputTokenCount: 3 } });
  });

  it("serves the open-weight families Bedrock added, without taking DeepSeek R1 or Nova embeddings from their families", () => {
    expect(["qwen.qwen3-coder-480b-a35b-v1:0", "us.deepseek.v3-v1:0", "minimax.minimax-m2", "moonshotai.kimi-k2.5", "zai.glm-4.7-flash", "google.gemma-3-27b-it", "nvidia.nemotron-nano-12b-v2"].map((id) => resolveFamily(id)?.name)).toEqual([
      "qwen",
      "deepseek-v3",
      "minimax",
      "moonshot-kimi",
      "zai-glm",
      "google-gemma",
      "nvidia-nemotron",
    ]);
    expect(resolveFamily("us.deepseek.r1-v1:0")?.name).toBe("deepseek");
    expect(resolveFamily("amazon.nova-2-multimodal-embeddings-v1:0")?.name).toBe("amazon-nova-embeddings");
  });
});

import { describe, expect, it } from "vitest";
import { UnsupportedFeatureError } from "../../errors/unsupported-feature-error.js";
import { buildClaudeRequest } from "./anthropic-claude-request.js";

const png = new Uint8Array([137, 80, 78, 71]);

describe("buildClaudeRequest", () => {
  it("writes every Messages content block Bedrock's Claude takes", () => {
    const body = buildClaudeRequest({
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      system: [{ text: "Be brief." }, { cachePoint: { type: "default" } }],
      messages: [
        {
          role: "user",
          content: [
            { text: "Look:" },
            { image: { format: "png", source: { bytes: png } } },
            { document: { format: "pdf", name: "Report", source: { bytes: png } } },
            { document: { format: "txt", name: "Notes", source: { text: "plain notes" } } },
          ],
        },
        {
          role: "assistant",
          content: [
            { reasoningContent: { reasoningText: { text: "Hmm.", signature: "sig" } } },
            { reasoningContent: { redactedContent: new Uint8Array([1, 2]) } },
            { text: "Checking." },
            { toolUse: { toolUseId: "toolu_1", name: "lookup", input: { q: "x" } } },
          ],
        },
        { role: "user", content: [{ toolResult: { toolUseId: "toolu_1", status: "error", content: [{ json: { error: "none" } }] } }] },
      ],
      toolConfig: {
        tools: [{ toolSpec: { name: "lookup", description: "Find", inputSchema: { json: { type: "object" } } } }, { cachePoint: { type: "default" } }],
        toolChoice: { tool: { name: "lookup" } },
      },
      inferenceConfig: { maxTokens: 300, stopSequences: ["END"], temperature: 1 },
      additionalModelRequestFields: { thinking: { type: "enabled", budget_tokens: 1024 } },
    });
    expect(body).toEqual({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 300,
      system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Look:" },
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw==" } },
            { type: "document", source: { type: "base64", media_type: "application/pdf", data: "iVBORw==" }, title: "Report" },
            { type: "document", source: { type: "text", media_type: "text/plain", data: "plain notes" }, title: "Notes" },
          ],
        },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "Hmm.", signature: "sig" },
            { type: "redacted_thinking", data: "AQI=" },
            { type: "text", text: "Checking." },
            { type: "tool_use", id: "toolu_1", name: "lookup", input: { q: "x" } },
          ],
        },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: '{"error":"none"}' }], is_error: true }] },
      ],
      temperature: 1,
      stop_sequences: ["END"],
      tools: [{ name: "lookup", description: "Find", input_schema: { type: "object" }, cache_control: { type: "ephemeral" } }],
      tool_choice: { type: "tool", name: "lookup" },
      thinking: { type: "enabled", budget_tokens: 1024 },
    });
  });

  it("defaults max_tokens and sends a plain system string when nothing is cached", () => {
    const body = buildClaudeRequest({ modelId: "m", system: [{ text: "A" }, { text: "B" }], messages: [{ role: "user", content: [{ text: "Hi" }] }] });
    expect(body.max_tokens).toBe(4096);
    expect(body.system).toBe("A\n\nB");
  });

  it("refuses documents Claude cannot read and images from S3", () => {
    const docx = () =>
      buildClaudeRequest({
        modelId: "m",
        messages: [{ role: "user", content: [{ document: { format: "docx", name: "Doc", source: { bytes: png } } }, { text: "Read" }] }],
      });
    expect(docx).toThrow(UnsupportedFeatureError);
    expect(docx).toThrow(/documents in docx format/);
    expect(() =>
      buildClaudeRequest({ modelId: "m", messages: [{ role: "user", content: [{ image: { format: "png", source: { s3Location: { uri: "s3://b/k" } } } }] }] }),
    ).toThrow(/images from S3 locations/);
  });
});

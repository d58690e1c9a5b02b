import { describe, expect, it } from "vitest";
import { documentName, mcpResultToToolOutput } from "./mcp-result-to-tool-output.js";

describe("mcpResultToToolOutput", () => {
  it("never produces blank text and notes an empty result", () => {
    expect(mcpResultToToolOutput({ content: [{ type: "text", text: "  " }] })).toEqual({
      content: [{ text: "(the tool returned no output)" }],
      status: "success",
    });
  });

  it("keeps text that differs from the structured content", () => {
    const output = mcpResultToToolOutput({ content: [{ type: "text", text: "Lisbon is warm" }], structuredContent: { celsius: 21 } });
    expect(output.content).toEqual([{ text: "Lisbon is warm" }, { json: { celsius: 21 } }]);
  });

  it("notes an image in a format Bedrock does not take", () => {
    const output = mcpResultToToolOutput({ content: [{ type: "image", data: "AAAA", mimeType: "image/svg+xml" }] });
    expect(output.content[0]?.text).toMatch(/3 bytes left out: Bedrock tool results cannot carry image\/svg\+xml/);
  });

  it("reads the legacy toolResult shape", () => {
    expect(mcpResultToToolOutput({ toolResult: { ok: true } })).toEqual({ content: [{ json: { ok: true } }], status: "success" });
  });
});

describe("documentName", () => {
  it("keeps only what Bedrock allows in a document name", () => {
    expect(documentName("file:///a/b/Q3  report_final.v2.pdf")).toBe("Q3 report final v2");
    expect(documentName("https://example.com/report.csv?download=1")).toBe("report csv download 1");
    expect(documentName(undefined)).toBe("document");
  });
});

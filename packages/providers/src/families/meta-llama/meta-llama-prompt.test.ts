import { describe, expect, it } from "vitest";
import type { ModelRequest } from "@sluice/core";
import { llamaPrompt, llamaTemplate } from "./meta-llama-prompt.js";

const conversation: ModelRequest = {
  modelId: "m",
  system: [{ text: "Be brief." }],
  messages: [
    { role: "user", content: [{ text: "Weather?" }] },
    { role: "assistant", content: [{ toolUse: { toolUseId: "t1", name: "get_weather", input: { city: "Paris" } } }] },
    { role: "user", content: [{ toolResult: { toolUseId: "t1", content: [{ json: { celsius: 21 } }] } }] },
  ],
};

describe("llamaPrompt", () => {
  it("writes the Llama 3 template with tool calls as JSON lines and results as ipython turns", () => {
    expect(llamaPrompt(conversation, "llama3").prompt).toBe(
      "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>" +
        "<|start_header_id|>user<|end_header_id|>\n\nWeather?<|eot_id|>" +
        '<|start_header_id|>assistant<|end_header_id|>\n\n{"name":"get_weather","parameters":{"city":"Paris"}}<|eot_id|>' +
        '<|start_header_id|>ipython<|end_header_id|>\n\n{"celsius":21}<|eot_id|>' +
        "<|start_header_id|>assistant<|end_header_id|>\n\n",
    );
  });

  it("writes Llama 4 markers, puts tool definitions in the system turn, and moves images to the images field", () => {
    const { prompt, images } = llamaPrompt(
      {
        modelId: "m",
        messages: [{ role: "user", content: [{ image: { format: "png", source: { bytes: new Uint8Array([1]) } } }, { text: "What is this?" }] }],
        toolConfig: { tools: [{ toolSpec: { name: "now", inputSchema: { json: { type: "object" } } } }] },
      },
      "llama4",
    );
    expect(prompt.startsWith("<|begin_of_text|><|header_start|>system<|header_end|>\n\nYou can call these functions.")).toBe(true);
    expect(prompt).toContain("<|header_start|>user<|header_end|>\n\n<|image|>What is this?<|eot|>");
    expect(prompt.endsWith("<|header_start|>assistant<|header_end|>\n\n")).toBe(true);
    expect(images).toEqual(["AQ=="]);
  });

  it("chooses the template from the model ID", () => {
    expect([llamaTemplate("meta.llama2-13b-chat-v1"), llamaTemplate("meta.llama3-1-8b-instruct-v1:0"), llamaTemplate("meta.llama4-scout-17b-instruct-v1:0"), llamaTemplate(undefined)]).toEqual([
      "llama2",
      "llama3",
      "llama4",
      "llama3",
    ]);
  });
});

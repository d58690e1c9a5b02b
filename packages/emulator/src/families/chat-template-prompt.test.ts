import { describe, expect, it } from "vitest";
import { parseChatTemplatePrompt } from "./chat-template-prompt.js";

describe("parseChatTemplatePrompt", () => {
  it("reads a Llama 3 prompt with system, history and the open assistant header", () => {
    const prompt =
      "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>" +
      "<|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>" +
      "<|start_header_id|>user<|end_header_id|>\n\nWeather?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n";
    expect(parseChatTemplatePrompt(prompt)).toEqual({
      system: "Be brief.",
      messages: [
        { role: "user", content: [{ text: "Hi" }] },
        { role: "assistant", content: [{ text: "Hello!" }] },
        { role: "user", content: [{ text: "Weather?" }] },
      ],
    });
  });

  it("treats Llama 3.1 ipython output as user input", () => {
    const prompt = "<|start_header_id|>user<|end_header_id|>\n\nq<|eot_id|><|start_header_id|>ipython<|end_header_id|>\n\n{\"t\":1}<|eot_id|>";
    expect(parseChatTemplatePrompt(prompt).messages).toEqual([{ role: "user", content: [{ text: "q" }, { text: '{"t":1}' }] }]);
  });

  it("reads a Llama 4 prompt", () => {
    const prompt = "<|begin_of_text|><|header_start|>user<|header_end|>\n\nHi<|eot|><|header_start|>assistant<|header_end|>\n\n";
    expect(parseChatTemplatePrompt(prompt).messages).toEqual([{ role: "user", content: [{ text: "Hi" }] }]);
  });

  it("reads Llama 2 / Mistral [INST] prompts with <<SYS>> and earlier answers", () => {
    const prompt = "<s>[INST] <<SYS>>\nBe kind.\n<</SYS>>\n\nHi [/INST] Hello!</s><s>[INST] Tell me more [/INST]";
    expect(parseChatTemplatePrompt(prompt)).toEqual({
      system: "Be kind.",
      messages: [
        { role: "user", content: [{ text: "Hi" }] },
        { role: "assistant", content: [{ text: "Hello!" }] },
        { role: "user", content: [{ text: "Tell me more" }] },
      ],
    });
  });

  it("reads a DeepSeek prompt and drops earlier reasoning", () => {
    const prompt = "<｜begin▁of▁sentence｜>Sys<｜User｜>Hi<｜Assistant｜><think>x</think>Hello<｜end▁of▁sentence｜><｜User｜>More<｜Assistant｜><think>\n";
    expect(parseChatTemplatePrompt(prompt)).toEqual({
      system: "Sys",
      messages: [
        { role: "user", content: [{ text: "Hi" }] },
        { role: "assistant", content: [{ text: "Hello" }] },
        { role: "user", content: [{ text: "More" }] },
      ],
    });
  });

  it("takes a plain prompt as one user message", () => {
    expect(parseChatTemplatePrompt("Tell me a joke")).toEqual({ system: "", messages: [{ role: "user", content: [{ text: "Tell me a joke" }] }] });
  });
});

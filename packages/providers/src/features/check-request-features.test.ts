import { describe, expect, it } from "vitest";
import type { ModelRequest } from "@sluice/core";
import { UnsupportedFeatureError } from "../errors/unsupported-feature-error.js";
import { metaLlamaAdapter } from "../families/meta-llama/meta-llama-adapter.js";
import { amazonTitanTextAdapter } from "../families/amazon-titan-text/amazon-titan-text-adapter.js";
import { checkRequestFeatures, usedFeatures } from "./check-request-features.js";

const user = (text: string) => ({ role: "user" as const, content: [{ text }] });

describe("usedFeatures", () => {
  it("names what a request uses", () => {
    const request: ModelRequest = {
      modelId: "m",
      system: [{ text: "s" }],
      messages: [
        user("hi"),
        { role: "assistant", content: [{ reasoningContent: { reasoningText: { text: "r" } } }, { toolUse: { toolUseId: "t", name: "n", input: {} } }] },
        { role: "user", content: [{ toolResult: { toolUseId: "t", content: [{ image: { format: "png", source: { bytes: new Uint8Array() } } }] } }] },
      ],
      inferenceConfig: { stopSequences: ["x"] },
    };
    expect(usedFeatures(request, true).sort()).toEqual(
      ["text", "systemPrompt", "multiTurn", "tools", "streaming", "streamedTools", "images", "reasoning", "stopSequences"].sort(),
    );
    expect(usedFeatures({ modelId: "m", messages: [user("hi")], inferenceConfig: { stopSequences: [] } }, false)).toEqual(["text"]);
    expect(usedFeatures({ modelId: "m", additionalModelRequestFields: { thinking: { type: "enabled" } } }, false)).toContain("reasoning");
  });
});

describe("checkRequestFeatures", () => {
  it("refuses what the family lacks, naming family and feature", () => {
    const request: ModelRequest = { modelId: "m", system: [{ text: "Be brief." }], messages: [user("hi")] };
    const check = () => checkRequestFeatures(amazonTitanTextAdapter, request, { baseModelId: "amazon.titan-text-express-v1", streaming: false });
    expect(check).toThrow(UnsupportedFeatureError);
    expect(check).toThrow("Amazon Titan Text (amazon-titan-text) does not support system prompt over InvokeModel.");
  });

  it("applies partial support per model, and trusts models it cannot name", () => {
    const request: ModelRequest = {
      modelId: "m",
      messages: [{ role: "user", content: [{ image: { format: "png", source: { bytes: new Uint8Array() } } }, { text: "What?" }] }],
    };
    expect(() => checkRequestFeatures(metaLlamaAdapter, request, { baseModelId: "meta.llama3-8b-instruct-v1:0", streaming: false })).toThrow(
      /images \(Llama 3.2 11B\/90B and Llama 4; meta.llama3-8b-instruct-v1:0 is not one of them\)/,
    );
    expect(() => checkRequestFeatures(metaLlamaAdapter, request, { baseModelId: "us.meta.llama3-2-11b-instruct-v1:0".slice(3), streaming: false })).not.toThrow();
    expect(() => checkRequestFeatures(metaLlamaAdapter, request, { baseModelId: undefined, streaming: false })).not.toThrow();
  });

  it("refuses video, audio, prompt variables and structured output for every family", () => {
    const video: ModelRequest = { modelId: "m", messages: [{ role: "user", content: [{ video: { format: "mp4", source: { bytes: new Uint8Array() } } }] }] };
    expect(() => checkRequestFeatures(metaLlamaAdapter, video, { baseModelId: undefined, streaming: false })).toThrow(/does not support video/);
    const prompt: ModelRequest = { modelId: "m", promptVariables: { topic: { text: "x" } } };
    expect(() => checkRequestFeatures(metaLlamaAdapter, prompt, { baseModelId: undefined, streaming: false })).toThrow(/prompt variables/);
  });
});

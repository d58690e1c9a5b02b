import { describe, expect, it } from "vitest";
import { ModelCapabilityRegistry, modelCapabilities } from "./model-capability-registry.js";

const haiku45 = "anthropic.claude-haiku-4-5-20251001-v1:0";

describe("model capabilities", () => {
  it("gives a model the same capabilities by base ID, geography profile and ARN", () => {
    const ids = [
      haiku45,
      `us.${haiku45}`,
      `global.${haiku45}`,
      `arn:aws:bedrock:us-east-1::foundation-model/${haiku45}`,
      `arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.${haiku45}`,
    ];
    const all = ids.map((id) => modelCapabilities(id));
    for (const capabilities of all) expect(capabilities).toEqual(all[0]);
    expect(all[0]).toMatchObject({ known: true, nativeStructuredOutput: true, strictTools: true, countTokens: true, images: true });
    expect(all[0]?.promptCaching).toEqual({ minimumTokens: 4_096, maxCachePoints: 4, ttls: ["5m", "1h"], fields: ["tools", "system", "messages"] });
  });

  it("follows the documented generations of Claude", () => {
    expect(modelCapabilities("anthropic.claude-3-7-sonnet-20250219-v1:0").promptCaching?.ttls).toEqual(["5m"]);
    expect(modelCapabilities("anthropic.claude-3-7-sonnet-20250219-v1:0").reasoning).toEqual({ modes: ["enabled"], effort: false });
    expect(modelCapabilities("anthropic.claude-3-5-haiku-20241022-v1:0").promptCaching?.minimumTokens).toBe(2_048);
    expect(modelCapabilities("us.anthropic.claude-opus-4-6-v1").reasoning).toEqual({ modes: ["enabled", "adaptive"], effort: true });
    expect(modelCapabilities("global.anthropic.claude-opus-4-7").reasoning?.modes).toEqual(["adaptive"]);
    expect(modelCapabilities("us.anthropic.claude-opus-4-6-v1").countTokens).toBe(false);
    expect(modelCapabilities("anthropic.claude-sonnet-5").strictTools).toBe(false);
    expect(modelCapabilities("anthropic.claude-3-haiku-20240307-v1:0")).toMatchObject({ nativeStructuredOutput: false });
    expect(modelCapabilities("anthropic.claude-3-haiku-20240307-v1:0").reasoning).toBeUndefined();
  });

  it("knows Nova's caching fields and the open-weight structured output", () => {
    expect(modelCapabilities("us.amazon.nova-pro-v1:0").promptCaching?.fields).toEqual(["system", "messages"]);
    expect(modelCapabilities("amazon.nova-micro-v1:0").images).toBe(false);
    expect(modelCapabilities("qwen.qwen3-32b-v1:0")).toMatchObject({ nativeStructuredOutput: true, strictTools: true });
    expect(modelCapabilities("qwen.qwen3-32b-v1:0").promptCaching).toBeUndefined();
    expect(modelCapabilities("meta.llama3-1-8b-instruct-v1:0")).toMatchObject({ known: true, nativeStructuredOutput: false });
  });

  it("marks unknown models and application profiles unknown until overridden", () => {
    const profile = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc";
    expect(modelCapabilities("acme.secret-model-v1")).toMatchObject({ known: false, nativeStructuredOutput: false });
    expect(modelCapabilities(profile).known).toBe(false);
    const registry = new ModelCapabilityRegistry({
      overrides: { "acme.secret-model-v1": { nativeStructuredOutput: true }, [profile]: { countTokens: true }, [haiku45]: { citations: false } },
    });
    expect(registry.get("us.acme.secret-model-v1")).toMatchObject({ known: true, nativeStructuredOutput: true });
    expect(registry.get(profile)).toMatchObject({ known: true, countTokens: true });
    expect(registry.get(`global.${haiku45}`)).toMatchObject({ citations: false, nativeStructuredOutput: true });
  });

  it("resolves an application profile once, sharing a lookup in flight, and retries a failed one", async () => {
    const profile = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc";
    let calls = 0;
    let fail = true;
    const registry = new ModelCapabilityRegistry({
      resolveProfile: async () => {
        calls += 1;
        if (fail) throw new Error("throttled");
        return `arn:aws:bedrock:us-east-1::foundation-model/${haiku45}`;
      },
    });
    await expect(registry.resolve(profile)).rejects.toThrow("throttled");
    fail = false;
    const [first, second] = await Promise.all([registry.resolve(profile), registry.resolve(profile)]);
    expect(first).toEqual(second);
    expect(first?.baseModelId).toBe(haiku45);
    expect(first?.capabilities.promptCaching?.ttls).toEqual(["5m", "1h"]);
    await registry.resolve(profile);
    expect(calls).toBe(2);
    expect(registry.get(profile).nativeStructuredOutput).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { Tokens } from "../di/tokens.js";
import { registerSluice } from "../di/register-sluice.js";
import { silentLogger } from "../logging/logger.js";
import { modelCall, toolContext } from "./call-helpers.js";

describe("test call helpers", () => {
  it("give a ToolContext and a ModelCall whose resolve reaches defaults, or the container given", () => {
    const context = toolContext({ step: 3 });
    expect(context.step).toBe(3);
    expect(context.signal.aborted).toBe(false);
    expect(context.resolve(Tokens.Logger)).toBe(silentLogger);
    const container = registerSluice({ modelId: "amazon.nova-lite-v1:0" });
    expect(toolContext({ container }).resolve(Tokens.ModelId)).toBe("amazon.nova-lite-v1:0");
    const call = modelCall({ streaming: true });
    expect(call).toMatchObject({ streaming: true, step: 1, state: {}, context: {} });
    expect(call.request.messages?.[0]?.content?.[0]?.text).toBe("hi");
    expect(() => modelCall().resolve(Tokens.ModelId)).toThrow();
  });
});

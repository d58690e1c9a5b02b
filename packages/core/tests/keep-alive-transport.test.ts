import type { Agent as HttpAgent } from "node:http";
import { ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
import { describe, expect, it } from "vitest";
import { localCredentials, useEmulator } from "./emulator-fixture.js";
import { createBedrockClient } from "../src/index.js";

const local = useEmulator();

describe("createBedrockClient's transport", () => {
  it("loads the SDK's HTTP/1.1 handler at the first request, once for concurrent calls, and reuses its keep-alive connection", async () => {
    const client = createBedrockClient({ endpoint: local.emulator.url, region: "us-east-1", credentials: localCredentials, maxAttempts: 1, maxSockets: 7 });
    const handler = client.config.requestHandler as unknown as { httpHandlerConfigs(): { httpAgent?: unknown } };
    // Before any request: only the options, no Node agent yet.
    expect(handler.httpHandlerConfigs().httpAgent).toEqual({ keepAlive: true, maxSockets: 7 });

    const ask = (text: string) => client.send(new ConverseCommand({ modelId: "amazon.nova-lite-v1:0", messages: [{ role: "user", content: [{ text }] }] }));
    const answers = await Promise.all([ask("one"), ask("two")]);
    expect(answers.map((answer) => answer.output?.message?.content?.[0]?.text)).toEqual(["You said: one", "You said: two"]);

    const agent = handler.httpHandlerConfigs().httpAgent as HttpAgent;
    expect(agent.constructor.name).toBe("Agent");
    expect((agent as unknown as { keepAlive: boolean }).keepAlive).toBe(true);
    expect(agent.maxSockets).toBe(7);
    const idle = Object.values(agent.freeSockets).flat();
    expect(idle.length).toBeGreaterThan(0);
    // A later call goes over a connection already open.
    const before = new Set(idle);
    await ask("three");
    const after = Object.values(agent.freeSockets).flat();
    expect(after.some((socket) => before.has(socket))).toBe(true);
    client.destroy();
  });
});

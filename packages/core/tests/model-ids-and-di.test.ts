import "reflect-metadata";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { container as rootContainer } from "tsyringe";
import { describe, expect, it } from "vitest";
import {
  Agent,
  ConverseModel,
  InMemoryConversationStore,
  Tokens,
  type Logger,
  type Model,
  type ModelRequest,
  type AgentTool,
  type ToolRegistry,
} from "../src/index.js";
import { ConfigurationError } from "../src/errors/configuration-error.js";
import { registerSluice } from "@sluice/core/di";
import { localCredentials, useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

describe("model IDs", () => {
  const kinds: Array<[string, string]> = [
    ["base model", "anthropic.claude-3-5-haiku-20241022-v1:0"],
    ["cross-region inference profile", "us.anthropic.claude-3-5-haiku-20241022-v1:0"],
    ["global inference profile", "global.anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["foundation-model ARN", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0"],
    ["application inference profile ARN", "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/1arbu5hu2sjr"],
    ["provisioned-throughput ARN", "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcd1234efgh"],
    ["custom model ARN", "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-lite-v1:0:300k/xyz123"],
  ];

  it.each(kinds)("sends a %s as one percent-encoded path segment", async (_kind, modelId) => {
    const agent = new Agent({ modelId, client: local.client() });
    expect((await agent.send("ping")).text).toBe("You said: ping");
    const recorded = local.emulator.requests[0];
    expect(recorded?.modelId).toBe(modelId);
    expect(recorded?.rawPath).toBe(`/model/${encodeURIComponent(modelId)}/converse`);
  });

  it("sends promptVariables with a prompt-management ARN and leaves out what the prompt defines", async () => {
    const modelId = "arn:aws:bedrock:us-east-1:123456789012:prompt/PROMPT12345:1";
    const agent = new Agent({ modelId, client: local.client(), promptVariables: { topic: { text: "tides" } } });
    await agent.send("Go");
    const body = local.emulator.requests[0]?.body as Record<string, unknown>;
    expect(body.promptVariables).toEqual({ topic: { text: "tides" } });
    expect(body).not.toHaveProperty("system");
    expect(body).not.toHaveProperty("inferenceConfig");
  });
});

describe("dependency injection", () => {
  it("uses the conversation store registered with registerSluice for agents given only a conversationId", async () => {
    const store = new InMemoryConversationStore();
    const container = registerSluice({ modelId: "amazon.nova-lite-v1:0", client: local.client(), store });
    await new Agent({ container, conversationId: "c1" }).send("one");
    const later = new Agent({ container, conversationId: "c1" });
    await later.send("two");
    expect(later.conversation.length).toBe(4);
    expect((await store.load("c1"))?.messages).toHaveLength(4);
  });

  it("gives tools and middleware the run's typed context and a typed resolve, not the container", async () => {
    const seen: unknown[] = [];
    const container = registerSluice({ modelId: "amazon.nova-lite-v1:0", client: local.client() });
    const agent = new Agent({
      container,
      context: { tenant: "t1" } as never,
      middleware: [(call, next) => (seen.push(call.context, call.resolve(Tokens.ModelId), "container" in call), next())],
    });
    await agent.send("hi", { context: { user: "u1" } as never });
    expect(seen).toEqual([{ tenant: "t1", user: "u1" }, "amazon.nova-lite-v1:0", false]);
  });

  it("builds agents from a container pointed at the emulator, sharing one client", async () => {
    const container = registerSluice(rootContainer.createChildContainer(), {
      modelId: "amazon.nova-lite-v1:0",
      clientOptions: { endpoint: local.emulator.url, region: "us-east-1", credentials: localCredentials },
    });
    const first = new Agent({ container });
    const second = new Agent({ container });
    await first.send("one");
    await second.send("two");
    expect(first.container!.resolve(Tokens.BedrockClient)).toBe(second.container!.resolve(Tokens.BedrockClient));
    expect(local.emulator.requests.map((r) => r.modelId)).toEqual(["amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0"]);
  });

  it("lets a user swap the logger and wrap the model by registering replacements", async () => {
    const container = registerSluice(rootContainer.createChildContainer(), {
      modelId: "amazon.nova-lite-v1:0",
      client: local.client(),
    });
    const lines: string[] = [];
    const logger: Logger = {
      debug: () => {},
      info: (record, message) => lines.push(`${message}:${String(record.modelId)}`),
      warn: () => {},
      error: () => {},
    };
    container.register(Tokens.Logger, { useValue: logger });
    // A model that logs through whatever logger the container holds, then defers to Converse.
    class LoggedModel implements Model {
      private readonly inner = new ConverseModel(container.resolve(Tokens.BedrockClient));
      async converse(request: ModelRequest, options?: { signal?: AbortSignal }) {
        container.resolve(Tokens.Logger).info({ modelId: request.modelId }, "converse");
        return this.inner.converse(request, options);
      }
      converseStream(request: ModelRequest, options?: { signal?: AbortSignal }) {
        return this.inner.converseStream(request, options);
      }
    }
    container.register(Tokens.Model, { useClass: LoggedModel });
    const agent = new Agent({ container });
    expect((await agent.send("hello")).text).toBe("You said: hello");
    expect(lines).toEqual(["converse:amazon.nova-lite-v1:0", "agent run finished:amazon.nova-lite-v1:0"]);
    expect(agent.container!.resolve(Tokens.Model)).toBeInstanceOf(LoggedModel);
  });
});

describe("an agent without a container", () => {
  it("gives tools its own parts through resolve, refuses other tokens saying how to register them, and has no container", async () => {
    const seen: unknown[] = [];
    const inspect: AgentTool = {
      name: "inspect",
      description: "Resolves services",
      inputSchema: { type: "object", properties: {} },
      async invoke(_input, { resolve }) {
        seen.push(resolve(Tokens.ToolRegistry).get("inspect")?.name, resolve(Tokens.ModelId));
        try {
          resolve<{ greet(): string }>("Greeter");
        } catch (error) {
          seen.push(error);
        }
        return { content: [{ text: "done" }] };
      },
    };
    local.emulator.enqueue([{ toolCalls: [{ name: "inspect", input: {} }] }, { text: "Inspected." }]);
    const agent = new Agent({ modelId: "amazon.nova-lite-v1:0", client: local.client(), tools: [inspect] });
    expect((await agent.send("go")).text).toBe("Inspected.");
    expect(seen.slice(0, 2)).toEqual(["inspect", "amazon.nova-lite-v1:0"]);
    expect(seen[2]).toBeInstanceOf(ConfigurationError);
    expect((seen[2] as Error).message).toMatch(/no container.*registerSluice\(\) from "@sluice\/core\/di".*new Agent\(\{ container \}\)/);
    expect(agent.container).toBeUndefined();
  });

  it("gives each agent built from a container its own child, holding its tool registry", () => {
    const container = registerSluice({ modelId: "amazon.nova-lite-v1:0", client: local.client() });
    const first = new Agent({ container, tools: [] });
    const second = new Agent({ container });
    expect(first.container).toBe(first.container);
    expect(first.container!.resolve<ToolRegistry>(Tokens.ToolRegistry)).not.toBe(second.container!.resolve<ToolRegistry>(Tokens.ToolRegistry));
  });

  it("@sluice/core loads neither tsyringe nor reflect-metadata; @sluice/core/di loads both", async () => {
    // A fresh process, importing the built entries as an app would.
    const probe = (entry: string) =>
      `await import(${JSON.stringify(entry)}); const { createRequire } = await import("node:module"); ` +
      `const loaded = Object.keys(createRequire(import.meta.url).cache); ` +
      `process.stdout.write(JSON.stringify({ tsyringe: loaded.some((f) => f.includes("/tsyringe/")), reflect: typeof Reflect.getMetadata === "function" }));`;
    const run = async (entry: string) => {
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "--conditions=development", "--import", "tsx", "-e", probe(entry)], {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
        env: { ...process.env, NODE_OPTIONS: "" },
      });
      return JSON.parse(stdout) as { tsyringe: boolean; reflect: boolean };
    };
    expect(await run("@sluice/core")).toEqual({ tsyringe: false, reflect: false });
    expect(await run("@sluice/core/di")).toEqual({ tsyringe: true, reflect: true });
  });
});

import { AbortError, ToolExecutionError, type AgentEvent } from "@sluice/core";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineTool, ToolOutputError } from "../src/index.js";
import { useEmulator } from "./emulator-fixture.js";

const local = useEmulator();

const booking = defineTool({
  name: "book_table",
  description: "Books a restaurant table",
  input: z.object({ restaurant: z.string(), guests: z.number().int().min(1).max(8) }),
  handler: ({ restaurant, guests }) => `Booked ${restaurant} for ${guests}.`,
});

type ErrorEvent = Extract<AgentEvent, { type: "tool-error" }>;

/** The toolResult blocks the model received in the request after the first. */
function resultsSent(index = 1) {
  return local.body(index).messages?.at(-1)?.content.map((block) => block["toolResult"]);
}

describe("tool failures go back to the model, and the loop goes on", () => {
  it("answers input that fails the schema with a readable summary; the model corrects it", async () => {
    local.emulator.enqueue([
      { toolCalls: [{ name: "book_table", input: { restaurant: 7, guests: 12 } }] },
      { toolCalls: [{ name: "book_table", input: { restaurant: "Noma", guests: 4 } }] },
      { text: "Booked." },
    ]);
    const agent = local.agent({ tools: [booking] });
    const errors: ErrorEvent[] = [];
    agent.on("tool-error", (event) => errors.push(event));
    const result = await agent.send("Book Noma for 12");
    expect(result.text).toBe("Booked.");
    expect(resultsSent(1)?.[0]).toMatchObject({
      status: "error",
      content: [{ text: "Invalid input for book_table: restaurant: expected string, received number; guests: must be at most 8. Call the tool again with corrected input." }],
    });
    expect(resultsSent(2)?.[0]).toMatchObject({ status: "success", content: [{ text: "Booked Noma for 4." }] });
    expect(errors.map((event) => event.reason)).toEqual(["invalid-input"]);
    await local.expectHistoryAccepted(agent);
  });

  it("answers an unknown tool name, listing the real ones", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "book_flight", input: { to: "Oslo" } }] }, { text: "I cannot book flights." }]);
    const agent = local.agent({ tools: [booking] });
    const errors: ErrorEvent[] = [];
    agent.on("tool-error", (event) => errors.push(event));
    expect((await agent.send("Fly me to Oslo")).text).toBe("I cannot book flights.");
    expect(resultsSent()?.[0]).toMatchObject({ status: "error", content: [{ text: 'There is no tool named "book_flight". Available tools: book_table.' }] });
    expect(errors.map((event) => [event.reason, event.name])).toEqual([["unknown-tool", "book_flight"]]);
    await local.expectHistoryAccepted(agent);
  });

  it("answers a hallucinated name Bedrock would refuse, and keeps the stored history valid", async () => {
    local.emulator.enqueue([{ toolCalls: [{ name: "$READFILE", input: { path: "/etc/passwd" } }] }, { text: "No such tool." }]);
    const agent = local.agent({ tools: [booking] });
    const result = await agent.send("Read the file");
    expect(result.text).toBe("No such tool.");
    // The request that carried the bad name back must still be accepted, and every later one.
    expect(local.emulator.requests.map((request) => request.response?.status)).toEqual([200, 200]);
    const stored = local.body(1).messages?.[1]?.content[0]?.["toolUse"];
    expect(stored?.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    expect(resultsSent()?.[0]).toMatchObject({ status: "error", toolUseId: stored?.toolUseId });
    expect(resultsSent()?.[0].content[0].text).toContain('"$READFILE"');
    await local.expectHistoryAccepted(agent);
  });

  it("answers a throwing handler with its message; an option makes it fatal instead", async () => {
    const flaky = defineTool({
      name: "charge_card",
      description: "Charges a card",
      input: z.object({ cents: z.number() }),
      handler: () => {
        throw new Error("card declined");
      },
    });
    local.emulator.enqueue([{ toolCalls: [{ name: "charge_card", input: { cents: 500 } }] }, { text: "The card was declined." }]);
    const agent = local.agent({ tools: [flaky] });
    const errors: ErrorEvent[] = [];
    agent.on("tool-error", (event) => errors.push(event));
    expect((await agent.send("Charge me")).text).toBe("The card was declined.");
    expect(resultsSent()?.[0]).toMatchObject({ status: "error", content: [{ text: "The tool charge_card failed: card declined" }] });
    expect((errors[0]?.error as Error).message).toBe("card declined");
    await local.expectHistoryAccepted(agent);

    const strict = local.agent({ tools: [flaky], toolErrors: "throw" });
    await strict.send("Hello");
    local.emulator.enqueue([{ toolCalls: [{ name: "charge_card", input: { cents: 1 } }] }]);
    const error = await strict.send("Charge me").catch((e: unknown) => e);
    expect(ToolExecutionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ reason: "handler-error", toolName: "charge_card" });
    expect(strict.conversation.length).toBe(2); // the failed turn was rolled back
    await local.expectHistoryAccepted(strict);
  });

  it("fails the call when the handler breaks its output schema", async () => {
    const stats = defineTool({
      name: "get_stats",
      description: "Statistics",
      output: z.object({ mean: z.number() }),
      handler: () => ({ mean: Number.NaN }),
    });
    local.emulator.enqueue([{ toolCalls: [{ name: "get_stats" }] }, { text: "Stats are unavailable." }]);
    const agent = local.agent({ tools: [stats] });
    const errors: ErrorEvent[] = [];
    agent.on("tool-error", (event) => errors.push(event));
    await agent.send("Stats?");
    expect(resultsSent()?.[0].status).toBe("error");
    expect(resultsSent()?.[0].content[0].text).toMatch(/returned output that does not match its output schema: mean: expected number, received NaN/);
    expect(ToolOutputError.isInstance(errors[0]?.error)).toBe(true);
    await local.expectHistoryAccepted(agent);
  });

  it("times a slow handler out, aborting its signal, and tells the model", async () => {
    let sawAbort = false;
    const slow = defineTool({
      name: "slow_search",
      description: "Searches slowly",
      input: z.object({ query: z.string() }),
      timeoutMs: 50,
      handler: ({ query }, { signal }) =>
        new Promise<string>((resolve) => {
          const timer = setTimeout(() => resolve(`found ${query}`), 5_000);
          signal.addEventListener("abort", () => ((sawAbort = true), clearTimeout(timer), resolve("cancelled")));
        }),
    });
    local.emulator.enqueue([{ toolCalls: [{ name: "slow_search", input: { query: "sluice" } }] }, { text: "The search timed out." }]);
    const agent = local.agent({ tools: [slow] });
    const errors: ErrorEvent[] = [];
    agent.on("tool-error", (event) => errors.push(event));
    const started = Date.now();
    expect((await agent.send("Search")).text).toBe("The search timed out.");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(sawAbort).toBe(true);
    expect(resultsSent()?.[0]).toMatchObject({ status: "error", content: [{ text: "The tool slow_search did not finish within 50 ms and was cancelled." }] });
    expect(errors.map((event) => event.reason)).toEqual(["timeout"]);
    await local.expectHistoryAccepted(agent);
  });

  it("cancels running tools when the run is aborted, and rolls the turn back", async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let aborted = false;
    const download = defineTool({
      name: "download",
      description: "Downloads a file",
      input: z.object({ url: z.string() }),
      handler: (_input, { signal, toolUseId }) =>
        new Promise<string>((_resolve, reject) => {
          expect(toolUseId).toBe("tooluse_download_1");
          started();
          signal.addEventListener("abort", () => ((aborted = true), reject(signal.reason)));
        }),
    });
    const agent = local.agent({ tools: [download] });
    await agent.send("Hello");
    local.emulator.enqueue([{ toolCalls: [{ name: "download", input: { url: "https://example.com/big" }, toolUseId: "tooluse_download_1" }] }]);
    const controller = new AbortController();
    const pending = agent.send("Download it", { signal: controller.signal }).catch((e: unknown) => e);
    await running;
    controller.abort();
    const error = await pending;
    expect(AbortError.isInstance(error)).toBe(true);
    expect(aborted).toBe(true);
    expect(agent.conversation.length).toBe(2);
    await local.expectHistoryAccepted(agent);
  });
});

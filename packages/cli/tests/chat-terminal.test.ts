import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixture } from "./fixtures/run-cli.js";
import { Terminal } from "./fixtures/terminal.js";

const prompt = "you › ";

describe("sluice chat in a terminal", () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.kill());

  it("streams an answer with a tool call as it happens", async () => {
    terminal = new Terminal(["chat", "--emulator-script", fixture("story-script.json"), "--tools", fixture("weather-tools.ts")]);
    await terminal.waitFor(prompt);
    expect(terminal.text).toContain("Tools: get_weather.");
    const mark = terminal.text.length;
    terminal.type("What's the weather in Lisbon?\r");
    await terminal.waitFor('→ get_weather {"city":"Lisbon"}', mark);
    await terminal.waitFor('← get_weather: {"city":"Lisbon","forecast":"21°C and sunny"}', mark);
    // The answer appears while it streams: its start is on screen before its end has been written.
    const early = await terminal.waitFor("Lisbon is bright", mark);
    expect(early.slice(mark)).not.toContain("by the river.");
    await terminal.waitFor("by the river.", mark);
    await terminal.waitFor(/\(2 steps, \d+ tokens\)/, mark);
    await terminal.waitFor(prompt, mark);

    const usage = terminal.text.length;
    terminal.type("/usage\r");
    await terminal.waitFor(/4 messages: \d+ input \+ \d+ output = \d+ tokens/, usage);
    terminal.type("/exit\r");
    expect(await terminal.exited).toBe(0);
  });

  it("stops an answer on Ctrl-C and keeps the conversation valid", async () => {
    const saved = join(mkdtempSync(join(tmpdir(), "sluice-chat-")), "chat.json");
    terminal = new Terminal(["chat", "--emulator-script", fixture("story-script.json")]);
    await terminal.waitFor(prompt);
    let mark = terminal.text.length;
    terminal.type("Tell me a story.\r");
    await terminal.waitFor("Once upon", mark);
    terminal.type("\x03");
    const stopped = await terminal.waitFor("(stopped; this message and its answer were not kept)", mark);
    expect(stopped.slice(mark)).not.toContain("never hurried");
    await terminal.waitFor(prompt, stopped.indexOf("(stopped", mark));

    mark = terminal.text.length;
    terminal.type("/usage\r");
    await terminal.waitFor("0 messages", mark);
    mark = terminal.text.length;
    terminal.type("hello again\r");
    await terminal.waitFor("You said: hello again", mark);
    await terminal.waitFor(prompt, mark);
    mark = terminal.text.length;
    terminal.type(`/save ${saved}\r`);
    await terminal.waitFor(`(saved 2 messages to ${saved})`, mark);
    const snapshot = JSON.parse(readFileSync(saved, "utf8")) as { conversation: { messages: Array<{ content: Array<{ text: string }> }> } };
    expect(snapshot.conversation.messages.map((message) => message.content[0]?.text)).toEqual(["hello again", "You said: hello again"]);

    // Ctrl-C twice at an empty prompt leaves.
    mark = terminal.text.length;
    terminal.type("\x03");
    await terminal.waitFor("press Ctrl-C again", mark);
    terminal.type("\x03");
    expect(await terminal.exited).toBe(0);
  });
});

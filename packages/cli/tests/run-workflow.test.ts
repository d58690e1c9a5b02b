import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixture, runCli } from "./fixtures/run-cli.js";
import { Terminal } from "./fixtures/terminal.js";

const input = JSON.stringify({ topic: "tides" });

describe("sluice run through a pipe", () => {
  it("prints one plain line per step and a summary with the output", async () => {
    const { code, stdout, stderr } = await runCli(["run", fixture("report-workflow.ts"), "--emulator", "--input", input]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines).toContain("▶ report/research");
    expect(lines.find((line) => line.startsWith("✓ report/research ("))).toMatch(/^✓ report\/research \(\d+(\.\d)? m?s, \d+ tokens\)$/);
    for (const index of [0, 1, 2]) expect(lines.some((line) => line.startsWith(`✓ report/expand-each[${index}]/expand (`))).toBe(true);
    expect(lines.indexOf("▶ report/join")).toBeGreaterThan(lines.findIndex((line) => line.startsWith("✓ report/expand-each (")));
    expect(stdout).toMatch(/Complete — 6 steps done · \d[\d,]* tokens · \d/);
    expect(stdout).toContain('"paragraphs": 3');
    expect(stdout).not.toContain("\u001b[");
  });

  it("writes one JSON object per event with --json, ending with the summary", async () => {
    const { code, stdout } = await runCli(["run", fixture("report-workflow.ts"), "--emulator", "--input", input, "--json"]);
    expect(code).toBe(0);
    const events = stdout.trim().split("\n").map((line) => JSON.parse(line) as { type: string; path?: string; status?: string; output?: { paragraphs: number } });
    expect(events[0]?.type).toBe("workflow-start");
    expect(events.filter((event) => event.type === "step-finish").map((event) => event.path)).toContain("report/join");
    expect(events.at(-1)).toMatchObject({ type: "summary", status: "complete", output: { paragraphs: 3 } });
  });

  it("fails with exit code 1 and the failing step's path on bad input", async () => {
    const { code, stderr } = await runCli(["run", fixture("report-workflow.ts"), "--emulator", "--input", '{"topic": 7}']);
    expect(code).toBe(1);
    expect(stderr).toContain('StepValidationError: Step "report/research" got an input that fails its input schema: topic: expected string, received number.');
  });

  it("says what is wrong with a module that exports no workflow, and with input that is not JSON", async () => {
    const none = await runCli(["run", fixture("weather-tools.ts")]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("weather-tools.ts exports no workflow");
    const folder = mkdtempSync(join(tmpdir(), "sluice-run-"));
    writeFileSync(join(folder, "input.json"), "{ not json");
    const bad = await runCli(["run", fixture("report-workflow.ts"), "--input-file", join(folder, "input.json")]);
    expect(bad.stderr).toContain("The input is not JSON");
    expect(readFileSync(join(folder, "input.json"), "utf8")).toBe("{ not json");
  });
});

describe("sluice run in a terminal", () => {
  let terminal: Terminal | undefined;
  afterEach(() => terminal?.kill());

  it("shows steps running and done, tokens and elapsed time while the workflow runs, then a summary", async () => {
    terminal = new Terminal(["run", fixture("report-workflow.ts"), "--emulator", "--input", input]);
    // While the first agent streams: its step is shown running, with what it is writing.
    const running = await terminal.waitFor(/report\/research running \d/);
    expect(running).toMatch(/report \(embedded emulator\) — steps: 0 done, 1 running · \d+ tokens · \d/);
    expect(running).not.toContain("Complete");
    await terminal.waitFor(/✓ report\/research \(\d/);
    // The map runs two expansions at once.
    await terminal.waitFor(/steps: \d+ done, 2 running/);
    await terminal.waitFor(/Complete — 6 steps done · \d[\d,]* tokens/);
    expect(await terminal.exited).toBe(0);
    expect(terminal.text).toMatch(/✓ report\/expand-each\[2\]\/expand \(\d/);
  });

  it("stops the run on Ctrl-C with exit code 130", async () => {
    terminal = new Terminal(["run", fixture("report-workflow.ts"), "--emulator", "--input", input]);
    await terminal.waitFor(/report\/research running/);
    terminal.type("\x03");
    await terminal.waitFor("Stopped");
    expect(await terminal.exited).toBe(130);
  });
});

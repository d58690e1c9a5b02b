import { describe, expect, it } from "vitest";
import { documentationFiles, extractSnippets } from "./extract-snippets.js";
import { checkedTypeScriptSnippets, describeSnippet, runSnippetProgram, typeCheckSnippetPrograms, writeSnippetPrograms } from "./check-snippets.js";

// Every TypeScript block of README.md, docs/*.md and the packages' READMEs is type-checked under the
// repository's strict flags, and every block not marked `no-run` runs against an emulator of its
// own. How to mark a block: CONTRIBUTING.md, "Documentation snippets".
const programs = writeSnippetPrograms(checkedTypeScriptSnippets());
const runnable = programs.filter((program) => program.snippet.mode === "run");

describe("documentation snippets", () => {
  it("type-check under the repository's strict flags", async () => {
    expect(programs.length).toBeGreaterThan(20);
    const problems = await typeCheckSnippetPrograms(programs);
    expect(problems, `\n${problems.join("\n")}\n`).toEqual([]);
  }, 300_000);

  it("JSON blocks parse", () => {
    const problems = documentationFiles()
      .flatMap(extractSnippets)
      .filter((snippet) => snippet.language === "json" && snippet.mode !== "fragment")
      .flatMap((snippet) => {
        try {
          JSON.parse(snippet.code);
          return [];
        } catch (error) {
          return [`${describeSnippet(snippet)}: ${(error as Error).message}`];
        }
      });
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it.each(runnable.map((program) => [describeSnippet(program.snippet), program] as const))("%s runs against the emulator", async (_, program) => {
    const failure = await runSnippetProgram(program);
    expect(failure, failure).toBeUndefined();
  }, 120_000);
});

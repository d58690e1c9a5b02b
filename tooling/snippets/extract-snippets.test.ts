import { describe, expect, it } from "vitest";
import { parseSnippets } from "./extract-snippets.js";

describe("parseSnippets", () => {
  it("reads each fence's language, first code line, indentation and marker", () => {
    const text = [
      "# Title",
      "```ts",
      "const a = 1;",
      "```",
      "1. A step:",
      "",
      "   <!-- snippet: no-run context=model-id,emulator id=step -- needs AWS credentials -->",
      "   ```typescript",
      "   const b = 2;",
      "     const c = 3;",
      "   ```",
      "<!-- snippet: fragment -- a type excerpt -->",
      "~~~json",
      "{}",
      "~~~",
    ].join("\n");
    expect(parseSnippets("docs/x.md", text)).toEqual([
      { file: "docs/x.md", index: 1, line: 3, language: "ts", code: "const a = 1;", mode: "run", contexts: [] },
      {
        file: "docs/x.md",
        index: 2,
        line: 9,
        language: "typescript",
        code: "const b = 2;\n  const c = 3;",
        mode: "no-run",
        contexts: ["model-id", "emulator"],
        id: "step",
        reason: "needs AWS credentials",
      },
      { file: "docs/x.md", index: 3, line: 14, language: "json", code: "{}", mode: "fragment", contexts: [], reason: "a type excerpt" },
    ]);
  });

  it("refuses an unknown marker word, naming the file and line", () => {
    expect(() => parseSnippets("README.md", "<!-- snippet: norun -->\n```ts\nx\n```")).toThrow(
      'README.md:1: unknown word "norun" in <!-- snippet: norun -->; allowed: no-run, fragment, context=<name>[,<name>], id=<name>, then "-- reason"',
    );
  });

  it("asks for a reason when a block is not run or not checked", () => {
    expect(() => parseSnippets("docs/a.md", "<!-- snippet: no-run -->\n```ts\nx\n```")).toThrow(
      'docs/a.md:1: a no-run block needs a reason after "--", e.g. <!-- snippet: no-run -- needs AWS credentials -->',
    );
  });

  it("refuses a block that is never closed", () => {
    expect(() => parseSnippets("docs/b.md", "text\n```ts\nconst x = 1;\n")).toThrow("docs/b.md:2: the code block opened here is never closed");
  });
});

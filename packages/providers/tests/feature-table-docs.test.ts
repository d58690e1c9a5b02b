import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FEATURE_TABLE_END, FEATURE_TABLE_START, renderFeatureTable, withFeatureTable } from "../src/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const documents = [path.join(repoRoot, "docs/providers.md"), path.join(repoRoot, "README.md")];

describe("the feature table in the docs", () => {
  it("docs/providers.md holds exactly the table generated from the adapters", () => {
    const file = documents[0] as string;
    // UPDATE_FEATURE_TABLE=1 regenerates the table in docs/providers.md and in the README.
    if (process.env.UPDATE_FEATURE_TABLE === "1") for (const document of documents) if (existsSync(document)) writeFileSync(document, withFeatureTable(readFileSync(document, "utf8")));
    const markdown = readFileSync(file, "utf8");
    expect(markdown).toContain(FEATURE_TABLE_START);
    expect(withFeatureTable(markdown)).toBe(markdown);
  });

  it("the README's copy, when it has the markers, matches too", () => {
    const readme = documents[1] as string;
    const markdown = existsSync(readme) ? readFileSync(readme, "utf8") : "";
    if (!markdown.includes(FEATURE_TABLE_START)) return;
    expect(withFeatureTable(markdown)).toBe(markdown);
  });

  it("renders a row per family and a footnote per partly supported feature", () => {
    const table = renderFeatureTable();
    expect(table).toContain("| Amazon Titan Text (`amazon-titan-text`) | yes | — | yes | — | yes | — | — | — | — | yes | — | — |");
    expect(table).toMatch(/Meta Llama, images: Llama 3.2 11B\/90B and Llama 4\./);
    expect(() => withFeatureTable("no markers")).toThrow(/markers/);
    expect(FEATURE_TABLE_END).toBe("<!-- feature-table:end -->");
  });
});

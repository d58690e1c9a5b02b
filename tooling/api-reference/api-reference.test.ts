import { ReflectionKind } from "typedoc";
import { describe, expect, it } from "vitest";
import { apiEntryPoints } from "./api-entry-points.js";
import { convertApiReference } from "./api-reference.js";

// The API reference is generated from the TSDoc comments (`npm run docs:api`); this checks what it
// is made from: every exported name of every public entry point documented, every {@link} resolved.
describe("the API reference", () => {
  it("documents every exported name of every public entry point, with no broken link", async () => {
    const { project, problems } = await convertApiReference();
    expect(problems, `\n${problems.join("\n")}\n`).toEqual([]);
    const modules = project?.getChildrenByKind(ReflectionKind.Module).map((module) => module.name).sort();
    expect(modules).toEqual(apiEntryPoints().map((entry) => entry.importPath).sort());
    expect(modules).toContain("@sluice/core/testing");
  }, 300_000);
});

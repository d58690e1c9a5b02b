import { describe, expect, it } from "vitest";
import { documentationFiles } from "../snippets/extract-snippets.js";
import { anchorsOf, brokenLinks, headingAnchor } from "./check-doc-links.js";

describe("links in README.md, docs/*.md and the package READMEs", () => {
  it("point at files and headings that exist", () => {
    const problems = [...documentationFiles(), "CONTRIBUTING.md"].flatMap(brokenLinks);
    expect(problems, `\n${problems.join("\n")}\n`).toEqual([]);
  });

  it("are matched against GitHub's heading anchors", () => {
    expect(headingAnchor("Any program, unchanged: `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`")).toBe("any-program-unchanged-aws_endpoint_url_bedrock_runtime");
    expect([...anchorsOf("# Title\n```sh\n# not a heading\n```\n## Install and first run\n")]).toEqual(["title", "install-and-first-run"]);
  });
});

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { repoRoot } from "../shared/repo-paths.js";

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of every heading of a Markdown text (outside code blocks). */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*(`{3,}|~{3,})/.test(line)) inCode = !inCode;
    const heading = !inCode && /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) anchors.add(headingAnchor(heading[1] ?? ""));
  }
  return anchors;
}

/**
 * Every relative link of a Markdown file (relative to the repository root) whose file or heading
 * does not exist, as `docs/tools.md:12: ../examples/missing.ts does not exist`.
 */
export function brokenLinks(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), "utf8");
  const problems: string[] = [];
  let inCode = false;
  text.split("\n").forEach((line, index) => {
    if (/^\s*(`{3,}|~{3,})/.test(line)) inCode = !inCode;
    if (inCode) return;
    for (const match of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1] ?? "";
      if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
      const [path = "", anchor] = target.split("#", 2);
      const resolved = path === "" ? join(repoRoot, file) : join(repoRoot, dirname(file), path);
      const where = `${file}:${index + 1}`;
      if (!existsSync(resolved)) {
        problems.push(`${where}: ${target} points at ${relative(repoRoot, resolved)}, which does not exist`);
        continue;
      }
      if (anchor !== undefined && resolved.endsWith(".md") && statSync(resolved).isFile() && !anchorsOf(readFileSync(resolved, "utf8")).has(anchor)) {
        problems.push(`${where}: ${target} names the heading #${anchor}, which ${relative(repoRoot, resolved)} does not have`);
      }
    }
  });
  return problems;
}

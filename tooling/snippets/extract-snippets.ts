import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../shared/repo-paths.js";

/**
 * How a code block is checked, from the `<!-- snippet: ... -->` comment on the line before its
 * fence (see CONTRIBUTING.md, "Documentation snippets"):
 * - `run` (no comment): a whole program, type-checked and run against the emulator;
 * - `no-run`: a whole program, type-checked only;
 * - `fragment`: part of a program, not checked (say why after `--`).
 */
export type SnippetMode = "run" | "no-run" | "fragment";

/** One fenced code block of a Markdown file. */
export interface Snippet {
  /** The Markdown file, relative to the repository root, e.g. `docs/tools.md`. */
  file: string;
  /** 1-based position among the file's code blocks. */
  index: number;
  /** 1-based line in the Markdown file of the block's first code line. */
  line: number;
  /** The fence's info string's first word (`ts`, `sh`, `json`, …), or "" for none. */
  language: string;
  code: string;
  mode: SnippetMode;
  /** Preludes from `tooling/snippets/contexts/<name>.ts` placed before the code (`context=a,b`). */
  contexts: string[];
  /** A name other checks find the block by (`id=first-agent`). */
  id?: string;
  /** The text after `--` in the comment: why a block is not run or not checked. */
  reason?: string;
}

/** The languages whose blocks are TypeScript programs. */
export const typeScriptLanguages = new Set(["ts", "typescript"]);

/** A malformed snippet comment. */
export class SnippetMarkerError extends Error {
  override name = "SnippetMarkerError";
}

/** README.md, every docs/*.md and each package's README.md, relative to the repository root. */
export function documentationFiles(): string[] {
  const docs = readdirSync(join(repoRoot, "docs")).filter((name) => name.endsWith(".md")).sort().map((name) => `docs/${name}`);
  const packages = readdirSync(join(repoRoot, "packages"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}/README.md`)
    .filter((path) => {
      try {
        readFileSync(join(repoRoot, path));
        return true;
      } catch {
        return false;
      }
    });
  return ["README.md", ...docs, ...packages];
}

/** Every code block of one Markdown file (relative to the repository root). */
export function extractSnippets(file: string): Snippet[] {
  return parseSnippets(file, readFileSync(join(repoRoot, file), "utf8"));
}

/** Every code block of Markdown `text`, read as the file `file`. */
export function parseSnippets(file: string, text: string): Snippet[] {
  const lines = text.split("\n");
  const snippets: Snippet[] = [];
  for (let at = 0; at < lines.length; at += 1) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[at] ?? "");
    if (!open) continue;
    const [, indent = "", fence = "```", language = ""] = open;
    const closing = new RegExp(`^\\s*${fence[0] === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
    let end = at + 1;
    while (end < lines.length && !closing.test(lines[end] ?? "")) end += 1;
    if (end >= lines.length) throw new SnippetMarkerError(`${file}:${at + 1}: the code block opened here is never closed`);
    const code = lines
      .slice(at + 1, end)
      .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()))
      .join("\n");
    const marker = readMarker(file, lines, at);
    snippets.push({ file, index: snippets.length + 1, line: at + 2, language: language.toLowerCase(), code, ...marker });
    at = end;
  }
  return snippets;
}

function readMarker(file: string, lines: readonly string[], fenceLine: number): Pick<Snippet, "mode" | "contexts" | "id" | "reason"> {
  const previous = (lines[fenceLine - 1] ?? "").trim();
  const comment = /^<!--\s*snippet:(.*?)-->$/.exec(previous);
  if (!comment) {
    if (/^<!--\s*snippet/.test(previous)) throw new SnippetMarkerError(`${file}:${fenceLine}: malformed snippet comment ${previous}; write <!-- snippet: no-run -- why -->`);
    return { mode: "run", contexts: [] };
  }
  const [words = "", reason] = (comment[1] ?? "").split(/\s--\s/, 2);
  const result: Pick<Snippet, "mode" | "contexts" | "id" | "reason"> = { mode: "run", contexts: [] };
  if (reason !== undefined && reason.trim() !== "") result.reason = reason.trim();
  for (const word of words.trim().split(/\s+/).filter(Boolean)) {
    if (word === "no-run" || word === "fragment") result.mode = word;
    else if (word.startsWith("context=")) result.contexts = word.slice("context=".length).split(",").filter(Boolean);
    else if (word.startsWith("id=")) result.id = word.slice("id=".length);
    else throw new SnippetMarkerError(`${file}:${fenceLine}: unknown word "${word}" in ${previous}; allowed: no-run, fragment, context=<name>[,<name>], id=<name>, then "-- reason"`);
  }
  if (result.mode !== "run" && result.reason === undefined) {
    throw new SnippetMarkerError(`${file}:${fenceLine}: a ${result.mode} block needs a reason after "--", e.g. <!-- snippet: ${result.mode} -- needs AWS credentials -->`);
  }
  return result;
}

/** The block marked `id=<id>` in `file`; throws naming the file when there is none. */
export function snippetById(file: string, id: string): Snippet {
  const found = extractSnippets(file).find((snippet) => snippet.id === id);
  if (!found) throw new SnippetMarkerError(`${file} has no block marked <!-- snippet: id=${id} -->`);
  return found;
}

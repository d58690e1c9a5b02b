import { createHash } from "node:crypto";

const maxLength = 64;

/**
 * A name Bedrock accepts (`[a-zA-Z0-9_-]{1,64}`) made from any MCP tool name: other characters
 * (dots, slashes, spaces) become `_`; a name too long keeps its start and ends with a short hash
 * of the whole, so two long names stay apart.
 *
 * @example
 * bedrockToolName("files/read.text"); // "files_read_text"
 */
export function bedrockToolName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_-]/g, "_") || "tool";
  if (cleaned.length <= maxLength) return cleaned;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${cleaned.slice(0, maxLength - hash.length - 1)}_${hash}`;
}

/**
 * One tool to name: which server offers it, under what MCP name, and the prefix its server always wants.
 *
 * @example
 * const request: ToolNameRequest = { server: "github", tool: "search_issues" };
 */
export interface ToolNameRequest {
  server: string;
  tool: string;
  toolPrefix?: string;
}

/**
 * Assigns every tool of several servers a distinct Bedrock name. A tool keeps its own
 * (sanitised) name unless its server asks for a prefix or another server has a tool of the same
 * name; then it becomes `<server>_<tool>`. Names still equal after that (two servers of the same
 * name) get `_2`, `_3`… in order. The result is in the order of the requests.
 *
 * @example
 * assignToolNames([{ server: "a", tool: "search" }, { server: "b", tool: "search" }, { server: "b", tool: "fetch" }]);
 * // ["a_search", "b_search", "fetch"]
 */
export function assignToolNames(requests: readonly ToolNameRequest[]): string[] {
  const bare = requests.map((request) => bedrockToolName(request.tool));
  const servers = new Map<string, Set<string>>();
  bare.forEach((name, index) => {
    if (requests[index]?.toolPrefix !== undefined) return;
    const owners = servers.get(name) ?? new Set<string>();
    owners.add(requests[index]?.server ?? "");
    servers.set(name, owners);
  });
  const wanted = requests.map((request, index) => {
    const name = bare[index] as string;
    if (request.toolPrefix !== undefined) return bedrockToolName(`${request.toolPrefix}_${request.tool}`);
    return (servers.get(name)?.size ?? 0) > 1 ? bedrockToolName(`${request.server}_${request.tool}`) : name;
  });
  const taken = new Set<string>();
  return wanted.map((name) => {
    let candidate = name;
    for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = bedrockToolName(`${name.slice(0, maxLength - 4)}_${suffix}`);
    taken.add(candidate);
    return candidate;
  });
}

import { describe, expect, it } from "vitest";
import { assignToolNames, bedrockToolName } from "./tool-names.js";

describe("bedrockToolName", () => {
  it("replaces characters Bedrock refuses", () => {
    expect(bedrockToolName("files/read.text v2")).toBe("files_read_text_v2");
    expect(bedrockToolName("get-sum")).toBe("get-sum");
  });

  it("shortens long names to 64 characters, keeping two long names apart", () => {
    const first = bedrockToolName(`${"x".repeat(70)}_a`);
    const second = bedrockToolName(`${"x".repeat(70)}_b`);
    expect(first).toHaveLength(64);
    expect(first).toMatch(/^[a-zA-Z0-9_-]{64}$/);
    expect(first).not.toBe(second);
  });
});

describe("assignToolNames", () => {
  it("keeps names unless two servers clash, then prefixes both with their server", () => {
    expect(
      assignToolNames([
        { server: "github", tool: "search" },
        { server: "jira", tool: "search" },
        { server: "jira", tool: "create.issue" },
      ]),
    ).toEqual(["github_search", "jira_search", "create_issue"]);
  });

  it("always prefixes the tools of a server with a toolPrefix", () => {
    expect(assignToolNames([{ server: "a", tool: "echo", toolPrefix: "local" }, { server: "b", tool: "echo" }])).toEqual(["local_echo", "echo"]);
  });

  it("numbers names that are still equal after sanitising", () => {
    expect(assignToolNames([{ server: "s", tool: "a.b" }, { server: "s", tool: "a_b" }, { server: "s", tool: "a/b" }])).toEqual(["a_b", "a_b_2", "a_b_3"]);
  });
});

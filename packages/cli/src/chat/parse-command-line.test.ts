import { describe, expect, it } from "vitest";
import { parseCommandLine } from "./parse-command-line.js";

describe("parseCommandLine", () => {
  it("splits words with shell quoting", () => {
    expect(parseCommandLine(`npx -y @modelcontextprotocol/server-filesystem "/tmp/my files" 'a b'`)).toEqual({
      command: "npx",
      args: ["-y", "@modelcontextprotocol/server-filesystem", "/tmp/my files", "a b"],
    });
  });

  it("refuses shell operators and an empty command", () => {
    expect(() => parseCommandLine("server | tee log")).toThrow(/no pipes/);
    expect(() => parseCommandLine("   ")).toThrow(/needs a command/);
  });
});

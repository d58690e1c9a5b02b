import { defineProject } from "vitest/config";

// These tests start real MCP servers as child processes (through tsx), which takes a second or two each
// on a busy machine: give them the repository's usual 20 s instead of vitest's 5 s.
export default defineProject({
  test: { testTimeout: 20_000, hookTimeout: 20_000 },
});

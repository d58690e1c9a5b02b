import { defineProject } from "vitest/config";

// These tests use the real PostgreSQL service and start child processes (through tsx), a second or more
// each on a busy machine: give them room beyond vitest's 5 s.
export default defineProject({
  test: { testTimeout: 60_000, hookTimeout: 30_000 },
});

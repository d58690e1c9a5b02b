import { defineProject } from "vitest/config";

// These tests use the real PostgreSQL service (a DBOS system database each) and start child
// processes through tsx: give them room beyond vitest's 5 s on a busy machine.
export default defineProject({
  test: { testTimeout: 90_000, hookTimeout: 60_000 },
});

import { defineConfig } from "vitest/config";

// One run over every package, so the closing summary counts every test in the repository.
export default defineConfig({
  test: {
    projects: ["packages/*", "examples", "bench", "tooling"],
    reporters: ["default", "./scripts/count-reporter.ts"],
    // The pinned AWS SDK warns on Node 20 about releases after January 2027; keep test output readable.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});

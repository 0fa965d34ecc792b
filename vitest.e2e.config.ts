import { defineConfig } from "vitest/config";

// End-to-end tests in a real browser (Debian's chromium through playwright-core) against the built app.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A page waited for (a search's count, a saved cell) may take a while on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    pool: "forks",
    fileParallelism: false,
    env: { NODE_ENV: "test" },
  },
});

import { defineConfig } from "vitest/config";

// End-to-end tests in a real browser (Debian's chromium through playwright-core) against the built app.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    // Whole user journeys in one test; a busy machine may run them several times slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page waited for (a search's count, a saved cell) may take a while on a busy machine.
    expect: { poll: { timeout: 10_000 } },
    pool: "forks",
    fileParallelism: false,
    env: { NODE_ENV: "test" },
  },
});

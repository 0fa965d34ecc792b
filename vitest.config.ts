import { defineConfig } from "vitest/config";

// Unit and integration tests. They run on SQLite by default and on MySQL/MariaDB when
// LINLI_TEST_DATABASE_URL=mysql://… is set (CI runs both). Browser tests live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: [
      "app/**/*.test.ts",
      "analytics/**/*.test.ts",
      "db/**/*.test.ts",
      "cli/**/*.test.ts",
      "server/**/*.test.ts",
      "emails/**/*.test.ts",
      "tests/*.test.ts",
    ],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    env: { NODE_ENV: "test" },
  },
});

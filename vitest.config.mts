import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The marker package throws outside React Server Components; tests import server modules directly.
      "server-only": path.join(root, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    setupFiles: ["lib/testing/fuzz-seed.ts"],
    // Tests that need a history file pass their own path; the rest must not share data/history.db.
    env: { HISTORY_DB: "off" },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

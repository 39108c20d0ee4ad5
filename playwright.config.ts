import { defineConfig } from "@playwright/test";

import { CONTROL_URL, E2E_APP_PORT } from "./e2e/stack-ports";

const baseURL = `http://127.0.0.1:${E2E_APP_PORT}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // The specs share one demo cluster and some of them change it.
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalTeardown: "./e2e/read-only-teardown.ts",
  timeout: 30_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/e2e-stack.ts",
    // Ready once the cluster is synced and the demo history is seeded.
    url: `${CONTROL_URL}/ready`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "pipe",
    env: { NEXT_TELEMETRY_DISABLED: "1", LOG_LEVEL: "warn" },
  },
});

/**
 * Runs the stack the Playwright suite tests against: frozen demo cluster, production build, a
 * fresh history file. The control endpoint's GET /ready returns 200 once the demo history is
 * seeded, so no spec starts before charts have data.
 */
import { rm } from "node:fs/promises";

import { E2E_APP_PORT, E2E_CONTROL_PORT } from "../e2e/stack-ports";
import { startStack } from "../lib/demo/stack";

/** Longest wait for the seeded history to become readable. */
const SEED_TIMEOUT_MS = 60_000;

async function waitForSeededHistory(appUrl: string): Promise<void> {
  const deadline = Date.now() + SEED_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${appUrl}/api/v1/history?range=30d`);
      const body = (await response.json()) as { points?: unknown[] };
      if (response.ok && (body.points?.length ?? 0) > 100) return;
    } catch {
      // The app is still starting.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the demo history was not seeded within ${SEED_TIMEOUT_MS / 1000} s`);
}

async function main(): Promise<void> {
  const dataDir = `.demo/e2e-${E2E_APP_PORT}`;
  await rm(dataDir, { recursive: true, force: true });
  const stack = await startStack({
    appPort: E2E_APP_PORT,
    controlPort: E2E_CONTROL_PORT,
    churn: false,
    seed: 1,
    dataDir,
  });
  const stop = () => void stack.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  await waitForSeededHistory(stack.appUrl);
  stack.setReady(true);
  console.log(`e2e stack ready: ${stack.appUrl}, control ${stack.controlUrl}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/** Runs the stack the Playwright suite tests against: frozen demo cluster, production build. */
import { E2E_APP_PORT, E2E_CONTROL_PORT } from "../e2e/stack-ports";
import { startStack } from "../lib/demo/stack";

async function main(): Promise<void> {
  const stack = await startStack({
    appPort: E2E_APP_PORT,
    controlPort: E2E_CONTROL_PORT,
    churn: false,
    seed: 1,
    dataDir: `.demo/e2e-${E2E_APP_PORT}`,
  });
  console.log(`e2e stack ready: ${stack.appUrl}, control ${stack.controlUrl}`);
  const stop = () => void stack.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

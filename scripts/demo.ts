/**
 * npm run demo: runs the dashboard on a built-in demo cluster, all on 127.0.0.1.
 *
 *   npm run demo -- [--port 3000] [--scale N] [--seed N] [--no-churn] [--snapshot FILE]... [--dev]
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

import { hasProductionBuild, startStack } from "../lib/demo/stack";

function parseOptions() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "3000" },
      scale: { type: "string" },
      seed: { type: "string" },
      "no-churn": { type: "boolean", default: false },
      snapshot: { type: "string", multiple: true },
      dev: { type: "boolean", default: false },
      rebuild: { type: "boolean", default: false },
    },
  });
  const integer = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) {
      throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
    }
    return parsed;
  };
  return {
    appPort: integer("port", values.port) ?? 3000,
    scale: integer("scale", values.scale),
    seed: integer("seed", values.seed),
    churn: !values["no-churn"],
    snapshots: values.snapshot,
    dev: values.dev,
    rebuild: values.rebuild,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options.dev && (options.rebuild || !hasProductionBuild())) {
    console.log("Building the dashboard (next build)…");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed; see the output above");
  }
  // kubectl sends no token over plain http, so the demo lets it in for `kubectl get nrs`.
  const stack = await startStack({ ...options, allowAnonymous: true });
  console.log(
    `\nDemo cluster: ${stack.cluster.url}  (kubectl --kubeconfig ${stack.cluster.kubeconfigPath} get nrs)`,
  );
  console.log(`Dashboard:    ${stack.appUrl}\n`);
  let stopping = false;
  const stop = () => {
    stopping = true;
    void stack.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  stack.app.once("exit", (code) => {
    if (stopping) return;
    console.error(`the dashboard exited unexpectedly with code ${code}`);
    void stack.close().then(() => process.exit(code ?? 1));
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

import path from "node:path";
import { parseArgs } from "node:util";

import { startDemoCluster } from "../lib/demo/kube/server";

const USAGE = `Usage: npx tsx scripts/demo-cluster.ts [options]

Starts a Kubernetes API server on 127.0.0.1 with the demo CCE scenario.

Options:
  --port N          TCP port (default 0: a free port)
  --seed N          scenario seed (default 1)
  --scale N         number of generated nodes (default 64)
  --no-churn        keep objects still (default: change pod IPs and ENIs every 3 s)
  --snapshot FILE   serve objects from a kubectl -o yaml/json dump instead; repeatable
  --kubeconfig PATH where to write the kubeconfig (default .demo/kubeconfig)
  --strict-auth     reject requests without a bearer token (kubectl over HTTP sends none)
  -h, --help        show this help`;

function parseInteger(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) {
    throw new Error(`invalid --${name} "${value}": expected an integer >= ${min}`);
  }
  return parsed;
}

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      scale: { type: "string" },
      "no-churn": { type: "boolean", default: false },
      snapshot: { type: "string", multiple: true },
      kubeconfig: { type: "string" },
      "strict-auth": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = parseInteger("port", values.port, 0);
  if (port !== undefined && port > 65535)
    throw new Error(`invalid --port "${values.port}": above 65535`);
  return {
    help: values.help,
    port,
    seed: parseInteger("seed", values.seed, 0),
    scale: parseInteger("scale", values.scale, 1),
    churn: !values["no-churn"],
    snapshots: values.snapshot,
    kubeconfigPath: path.resolve(values.kubeconfig ?? ".demo/kubeconfig"),
    allowAnonymous: !values["strict-auth"],
  };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(
      `demo-cluster: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`,
    );
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }

  const cluster = await startDemoCluster(options);
  console.log(`demo cluster listening on ${cluster.url}, kubeconfig ${cluster.kubeconfigPath}`);

  const stop = (signal: string): void => {
    console.log(`demo cluster stopping on ${signal}`);
    cluster.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`demo-cluster: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

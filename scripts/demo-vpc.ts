/**
 * Starts the local VPC API stand-in on 127.0.0.1 with demo credentials and a fixture derived
 * from cluster objects. Run: npx tsx scripts/demo-vpc.ts [--objects FILE] [--port N] [--no-plant]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

import { clusterObjectsFromDump } from "../lib/demo/vpc/dump";
import { sampleClusterObjects } from "../lib/demo/vpc/sample-cluster";
import { fixtureFromCluster, startVpcStandin } from "../lib/demo/vpc/standin";

// Fixed, public demo credentials: they only open the local stand-in.
const DEMO_CREDENTIALS = { accessKeyId: "demo-ak", secretAccessKey: "demo-sk" };

const USAGE = `Usage: npx tsx scripts/demo-vpc.ts [options]

Starts a stand-in for the Baidu Cloud VPC, ENI and BBC read APIs on 127.0.0.1. It checks
bce-auth-v1 signatures made with the demo key pair demo-ak / demo-sk.

Options:
  --objects FILE  derive the fixture from a kubectl -o yaml/json dump of NetResourceSet, ENI
                  and Subnet objects (default: a built-in four-node sample)
  --port N        TCP port (default 0: a free port)
  --no-plant      serve the cluster's view exactly, without the planted drift
  -h, --help      show this help`;

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      objects: { type: "string" },
      port: { type: "string", default: "0" },
      "no-plant": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid --port "${values.port}": expected an integer from 0 to 65535`);
  }
  return { objects: values.objects, port, plant: !values["no-plant"], help: values.help };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }

  const objects = options.objects
    ? clusterObjectsFromDump(readFileSync(options.objects, "utf8"))
    : sampleClusterObjects();
  const fixture = fixtureFromCluster(objects, options.plant);
  const standin = await startVpcStandin({
    port: options.port,
    credentials: DEMO_CREDENTIALS,
    fixture,
  });

  const source = options.objects ?? "built-in sample";
  console.log(`VPC stand-in listening on ${standin.url}`);
  console.log(
    `fixture from ${source}: ${fixture.subnets.length} subnets, ${fixture.enis.length} ENIs, ` +
      `${Object.keys(fixture.bbcPorts).length} BBC ports`,
  );
  if (fixture.planted) console.log(`planted drift: ${JSON.stringify(fixture.planted)}`);
  console.log("Point the dashboard at it with:");
  console.log(`  BCE_VPC_ENDPOINT=${standin.url} BCE_BBC_ENDPOINT=${standin.url} \\`);
  console.log("  BCE_ACCESS_KEY_ID=demo-ak BCE_SECRET_ACCESS_KEY=demo-sk");

  const stop = () => {
    void standin.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`demo-vpc failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

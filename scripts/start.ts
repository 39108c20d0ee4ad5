/**
 * Starts the production server after checking where it listens and how it authenticates:
 * a HOST other than loopback requires AUTH_MODE=token or proxy. Runs in-process, either the
 * standalone server (the container image) or `next start` (a normal build).
 *
 * The container image runs this file bundled to plain JavaScript (see the Dockerfile), so it must
 * not need tsx at run time and imports nothing that only exists in the source tree.
 */
import { subscribe } from "node:diagnostics_channel";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";

import {
  parseStartConfig,
  PEER_ADDRESS_ENV,
  PEER_ADDRESS_HEADER,
  type StartConfig,
} from "../lib/server/auth-config";

function fail(message: string): never {
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "fatal", message }));
  process.exit(1);
}

/**
 * Writes each connection's TCP peer address into PEER_ADDRESS_HEADER before Next.js handles the
 * request. Next.js passes proxy.ts only headers, and its X-Forwarded-For keeps whatever the client
 * sent, so this header is the only peer address proxy.ts can trust. Node publishes
 * http.server.request.start synchronously before the server's "request" event.
 */
function stampPeerAddresses(): void {
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
  process.env[PEER_ADDRESS_ENV] = "1";
}

function describeStart(config: StartConfig, server: string): void {
  const entry = {
    time: new Date().toISOString(),
    level: "info",
    message: "starting the dashboard",
    host: config.host,
    port: config.port,
    authMode: config.auth.mode,
    server,
    ...(config.auth.trustedProxyList ? { trustedProxies: config.auth.trustedProxyList } : {}),
  };
  console.log(JSON.stringify(entry));
}

async function startStandalone(config: StartConfig): Promise<void> {
  // The image has server.js next to the bundled launcher; a local build has it under the dist dir.
  const candidates = [
    path.join(__dirname, "server.js"),
    path.resolve(process.env.NEXT_DIST_DIR || ".next", "standalone", "server.js"),
  ];
  const server = candidates.find((file) => existsSync(file));
  if (!server) {
    fail(`NEXT_OUTPUT=standalone, but none of ${candidates.join(", ")} exists; build with it set`);
  }
  describeStart(config, server);
  // server.js reads these two names, and would otherwise listen on 0.0.0.0.
  process.env.HOSTNAME = config.host;
  process.env.PORT = String(config.port);
  await import(pathToFileURL(server).href);
}

async function main(): Promise<void> {
  const result = parseStartConfig(process.env, (file) => readFileSync(file, "utf8"));
  if (!result.ok) fail(`refusing to start: ${result.error}`);
  const config = result.value;
  stampPeerAddresses();
  if (process.env.NEXT_OUTPUT === "standalone") return startStandalone(config);

  // `next start` sets this in its own bin script, which is bypassed here.
  Object.assign(process.env, { NODE_ENV: "production" });
  describeStart(config, "next start");
  const { nextStart } = (await import("next/dist/cli/next-start.js")) as {
    nextStart: (options: { hostname: string; port: number }, dir?: string) => Promise<void>;
  };
  await nextStart({ hostname: config.host, port: config.port }, process.cwd());
}

main().catch((error: unknown) => {
  fail(`the server failed to start: ${error instanceof Error ? error.message : String(error)}`);
});

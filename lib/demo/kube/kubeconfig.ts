import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { stringify } from "yaml";

export const DEMO_CONTEXT = "cce-demo";

/** Renders a kubeconfig whose only context "cce-demo" points at `url` with a bearer token. */
export function renderKubeconfig(url: string, token: string): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    // client-node 1.x refuses a plain-http server unless TLS verification is marked as skipped;
    // the demo serves http on loopback only, so there is no certificate to verify.
    clusters: [{ name: DEMO_CONTEXT, cluster: { server: url, "insecure-skip-tls-verify": true } }],
    users: [{ name: DEMO_CONTEXT, user: { token } }],
    contexts: [{ name: DEMO_CONTEXT, context: { cluster: DEMO_CONTEXT, user: DEMO_CONTEXT } }],
    "current-context": DEMO_CONTEXT,
    preferences: {},
  });
}

/** Writes the kubeconfig with mode 0600, creating parent directories. */
export async function writeKubeconfig(file: string, url: string, token: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, renderKubeconfig(url, token), { mode: 0o600 });
}

import "server-only";

import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

import { KubeConfig } from "@kubernetes/client-node";

const SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

export interface KubeConnection {
  config: KubeConfig;
  /** Where the configuration came from, safe to show: never a token or certificate. */
  source: string;
  context: string | null;
  server: string | null;
}

/**
 * Loads cluster access the way kubectl does: the files named by KUBECONFIG, else ~/.kube/config,
 * else the in-cluster service account. KUBE_CONTEXT selects a context other than the current one.
 * Unlike client-node's loadFromDefault, it never falls back to a guessed server address.
 */
export function loadKubeConnection(env: NodeJS.ProcessEnv = process.env): KubeConnection {
  const config = new KubeConfig();
  const homeConfig = path.join(homedir(), ".kube", "config");
  let source: string;
  if (env.KUBECONFIG) {
    config.loadFromDefault();
    source = "KUBECONFIG";
  } else if (existsSync(homeConfig)) {
    config.loadFromFile(homeConfig);
    source = "~/.kube/config";
  } else if (existsSync(SERVICE_ACCOUNT_TOKEN) && env.KUBERNETES_SERVICE_HOST) {
    config.loadFromCluster();
    source = "in-cluster service account";
  } else {
    throw new Error(
      "no cluster configured: set KUBECONFIG, create ~/.kube/config, or run in a pod with a " +
        "service account (npm run demo starts a demo cluster)",
    );
  }

  const wanted = env.KUBE_CONTEXT?.trim();
  if (wanted) {
    if (!config.getContexts().some((context) => context.name === wanted)) {
      const known = config.getContexts().map((context) => context.name);
      throw new Error(
        `kube context "${wanted}" not found in the kubeconfig (known: ${known.join(", ") || "none"})`,
      );
    }
    config.setCurrentContext(wanted);
  }

  return {
    config,
    source,
    context: config.getCurrentContext() || null,
    server: config.getCurrentCluster()?.server ?? null,
  };
}

/**
 * Offline checks of the deployment files: every Kubernetes object validates against the API
 * schemas (kubernetes-models), RBAC grants read access to exactly the kinds the cache watches,
 * the Deployment keeps its hardening, and every Dockerfile COPY source exists.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { Deployment } from "kubernetes-models/apps/v1";
import { ClusterRole, ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1";
import {
  Namespace,
  PersistentVolumeClaim,
  Secret,
  Service,
  ServiceAccount,
} from "kubernetes-models/v1";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";

import { parseStartConfig } from "../lib/server/auth-config";

const root = path.resolve(__dirname, "..");
const manifestDir = path.join(root, "deploy", "kubernetes");
const READ_VERBS = new Set(["get", "list", "watch"]);

interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
}

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  nonResourceURLs?: string[];
  resourceNames?: string[];
}

type Validatable = new (data: never) => { validate(): void };
const MODELS: Record<string, Validatable> = {
  "v1/Namespace": Namespace,
  "v1/ServiceAccount": ServiceAccount,
  "v1/Service": Service,
  "v1/Secret": Secret,
  "v1/PersistentVolumeClaim": PersistentVolumeClaim,
  "apps/v1/Deployment": Deployment,
  "rbac.authorization.k8s.io/v1/ClusterRole": ClusterRole,
  "rbac.authorization.k8s.io/v1/ClusterRoleBinding": ClusterRoleBinding,
};

function loadObjects(): { file: string; object: KubeObject }[] {
  const files = readdirSync(manifestDir).filter(
    (file) => file.endsWith(".yaml") && file !== "kustomization.yaml",
  );
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(manifestDir, file), "utf8")).map((doc) => ({
      file,
      object: doc.toJS() as KubeObject,
    })),
  );
}

const objects = loadObjects();
const byKind = (kind: string) => objects.filter(({ object }) => object.kind === kind);

/** "group/resource" for each list path the cluster cache watches, e.g. "cce.baidubce.com/enis". */
function watchedResources(): string[] {
  const source = readFileSync(path.join(root, "lib", "kube", "cache.ts"), "utf8");
  const paths = [...source.matchAll(/path: "(\/apis?\/[^"]+)"/g)].map((match) => match[1] ?? "");
  return paths
    .map((listPath) => {
      const core = /^\/api\/v1\/([a-z]+)$/.exec(listPath);
      if (core) return `/${core[1]}`;
      const grouped = /^\/apis\/([^/]+)\/[^/]+\/([a-z]+)$/.exec(listPath);
      return grouped ? `${grouped[1]}/${grouped[2]}` : `unparsed:${listPath}`;
    })
    .sort();
}

function deploymentContainer() {
  const deployment = byKind("Deployment")[0]?.object as unknown as Deployment;
  const container = deployment.spec?.template.spec?.containers[0];
  if (!container) throw new Error("the Deployment has no container");
  return { deployment, container };
}

describe("Kubernetes manifests", () => {
  it("holds each kind the dashboard needs", () => {
    const kinds = new Set(objects.map(({ object }) => object.kind));
    for (const kind of Object.keys(MODELS).map((key) => key.split("/").pop())) {
      expect(kinds, String(kind)).toContain(kind);
    }
  });

  it.each(objects.map(({ file, object }) => [`${file} ${object.kind}`, object] as const))(
    "%s validates against the API schema",
    (_name, object) => {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(Model, `no model for ${object.apiVersion} ${object.kind}`).toBeDefined();
      if (!Model) return;
      expect(() => new Model(object as never).validate()).not.toThrow();
    },
  );

  it("puts namespaced objects into one namespace", () => {
    const namespaces = objects
      .filter(
        ({ object }) => !["Namespace", "ClusterRole", "ClusterRoleBinding"].includes(object.kind),
      )
      .map(({ object }) => object.metadata.namespace);
    expect(new Set(namespaces)).toEqual(new Set(["cce-ip-dashboard"]));
  });
});

describe("RBAC", () => {
  const rules = byKind("ClusterRole").flatMap(
    ({ object }) => (object as unknown as { rules: PolicyRule[] }).rules,
  );

  it("grants only get, list and watch", () => {
    for (const rule of rules) {
      for (const verb of rule.verbs) expect(READ_VERBS, verb).toContain(verb);
    }
  });

  it("uses no wildcard and no non-resource URL", () => {
    for (const rule of rules) {
      const values = [...(rule.apiGroups ?? []), ...(rule.resources ?? []), ...rule.verbs];
      expect(values.filter((value) => value.includes("*"))).toEqual([]);
      expect(rule.nonResourceURLs).toBeUndefined();
    }
  });

  it("grants exactly the kinds the cluster cache watches", () => {
    const granted = rules.flatMap((rule) =>
      (rule.apiGroups ?? []).flatMap((group) =>
        (rule.resources ?? []).map((resource) => `${group}/${resource}`),
      ),
    );
    const watched = watchedResources();
    expect(watched).toHaveLength(6);
    expect([...new Set(granted)].sort()).toEqual(watched);
  });

  it("binds the role to the dashboard's service account", () => {
    const binding = byKind("ClusterRoleBinding")[0]?.object as unknown as ClusterRoleBinding;
    const role = byKind("ClusterRole")[0]?.object;
    expect(binding.roleRef.name).toBe(role?.metadata.name);
    expect(binding.subjects).toEqual([
      { kind: "ServiceAccount", name: "cce-ip-dashboard", namespace: "cce-ip-dashboard" },
    ]);
  });
});

describe("Deployment", () => {
  it("runs hardened", () => {
    const { deployment, container } = deploymentContainer();
    const pod = deployment.spec?.template.spec?.securityContext;
    expect(pod?.runAsNonRoot).toBe(true);
    expect(pod?.runAsUser).toBeGreaterThan(0);
    expect(pod?.seccompProfile?.type).toBe("RuntimeDefault");
    const security = container.securityContext;
    expect(security?.readOnlyRootFilesystem).toBe(true);
    expect(security?.allowPrivilegeEscalation).toBe(false);
    expect(security?.capabilities?.drop).toEqual(["ALL"]);
  });

  it("probes /healthz for liveness and /readyz for readiness", () => {
    const { container } = deploymentContainer();
    expect(container.livenessProbe?.httpGet?.path).toBe("/healthz");
    expect(container.readinessProbe?.httpGet?.path).toBe("/readyz");
  });

  it("mounts writable volumes at /data and /tmp only", () => {
    const { container } = deploymentContainer();
    const writable = (container.volumeMounts ?? []).filter((mount) => !mount.readOnly);
    expect(writable.map((mount) => mount.mountPath).sort()).toEqual([
      "/app/.next/cache",
      "/data",
      "/tmp",
    ]);
  });

  it("passes the launcher's check with a real token and fails with the placeholder", () => {
    const { container } = deploymentContainer();
    const env = Object.fromEntries((container.env ?? []).map((item) => [item.name, item.value]));
    expect(env.HISTORY_DB).toBe("/data/history.db");
    const realToken = () => "k".repeat(44);
    expect(parseStartConfig(env, realToken).ok).toBe(true);

    const template = byKind("Secret").find(({ object }) => object.metadata.name.endsWith("-auth"));
    const placeholder = (template?.object as { stringData?: { token?: string } }).stringData?.token;
    expect(placeholder).toMatch(/REPLACE/);
    expect(parseStartConfig(env, () => placeholder ?? "").ok).toBe(false);
  });

  it("keeps Secret templates out of the kustomization", () => {
    const kustomization = parse(
      readFileSync(path.join(manifestDir, "kustomization.yaml"), "utf8"),
    ) as { resources: string[] };
    expect(kustomization.resources.length).toBeGreaterThan(0);
    expect(kustomization.resources.filter((file) => file.includes("example"))).toEqual([]);
  });
});

function kubectlAvailable(): boolean {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!kubectlAvailable())("kubectl kustomize", () => {
  it("renders the manifests", () => {
    const output = execFileSync("kubectl", ["kustomize", manifestDir], { encoding: "utf8" });
    const kinds = parseAllDocuments(output).map((doc) => (doc.toJS() as KubeObject).kind);
    expect(kinds.sort()).toEqual(
      [
        "ClusterRole",
        "ClusterRoleBinding",
        "Deployment",
        "Namespace",
        "PersistentVolumeClaim",
        "Service",
        "ServiceAccount",
      ].sort(),
    );
  });
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
  const ignored = readFileSync(path.join(root, ".dockerignore"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

  it("copies only sources that exist and are not ignored", () => {
    const copies = [...dockerfile.matchAll(/^COPY\s+(?!--from)(.+)$/gm)].map((match) =>
      (match[1] ?? "").split(/\s+/).filter((word) => !word.startsWith("--")),
    );
    expect(copies.length).toBeGreaterThan(0);
    for (const words of copies) {
      for (const source of words.slice(0, -1)) {
        if (source === ".") continue;
        expect(existsSync(path.join(root, source)), source).toBe(true);
        expect(ignored, source).not.toContain(source);
      }
    }
  });

  it("copies from stages it defines", () => {
    const stages = [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gm)].map((m) => m[1]);
    const sources = [...dockerfile.matchAll(/COPY\s+--from=(\S+)/g)].map((m) => m[1]);
    for (const stage of sources) expect(stages).toContain(stage);
  });

  it("runs as a numeric non-root user with the launcher", () => {
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1] ?? "");
    expect(users.at(-1)).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(dockerfile).toMatch(/^CMD \["node", "start\.js"\]$/m);
    expect(dockerfile).not.toMatch(/^HEALTHCHECK/m);
  });
});

import type { FaultState } from "./faults";
import { allResources, CCE_GROUP, groupVersionOf, type ResourceInfo } from "./resources";

/** Version reported at /version; the minor matches the kubectl the tests use. */
export const DEMO_SERVER_VERSION = {
  major: "1",
  minor: "32",
  gitVersion: "v1.32.3",
  gitCommit: "0000000000000000000000000000000000000000",
  gitTreeState: "clean",
  buildDate: "2025-03-11T00:00:00Z",
  goVersion: "go1.23.6",
  compiler: "gc",
  platform: "linux/amd64",
};

const VERBS = ["get", "list", "watch"];

/** Group versions served, preferred first within each group. */
const CCE_VERSIONS = ["v2", "v1"];

function visibleResources(faults: FaultState, groupVersion: string): ResourceInfo[] {
  return allResources().filter(
    (info) =>
      groupVersionOf(info) === groupVersion &&
      !(info.group !== "" && faults.isHidden(info.resource)),
  );
}

function resourceEntry(info: ResourceInfo): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    name: info.resource,
    singularName: info.singular,
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: VERBS,
  };
  if (info.shortNames.length > 0) entry.shortNames = info.shortNames;
  if (info.categories.length > 0) entry.categories = info.categories;
  return entry;
}

function statusEntry(info: ResourceInfo): Record<string, unknown> {
  return {
    name: `${info.resource}/status`,
    singularName: "",
    namespaced: info.namespaced,
    kind: info.kind,
    verbs: ["get"],
  };
}

/** Returns the APIResourceList of a group version, or undefined when nothing in it is served. */
export function apiResourceList(
  faults: FaultState,
  groupVersion: string,
): Record<string, unknown> | undefined {
  const resources = visibleResources(faults, groupVersion);
  if (resources.length === 0) return undefined;
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion,
    resources: resources.flatMap((info) => [resourceEntry(info), statusEntry(info)]),
  };
}

export function apiVersions(host: string): Record<string, unknown> {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress: host }],
  };
}

/** Returns the cce.baidubce.com APIGroup, listing only versions that still serve a resource. */
export function cceGroup(faults: FaultState): Record<string, unknown> | undefined {
  const versions = CCE_VERSIONS.filter(
    (version) => visibleResources(faults, `${CCE_GROUP}/${version}`).length > 0,
  ).map((version) => ({ groupVersion: `${CCE_GROUP}/${version}`, version }));
  const preferred = versions[0];
  if (!preferred) return undefined;
  return {
    kind: "APIGroup",
    apiVersion: "v1",
    name: CCE_GROUP,
    versions,
    preferredVersion: preferred,
  };
}

export function apiGroupList(faults: FaultState): Record<string, unknown> {
  const group = cceGroup(faults);
  const groups = group
    ? [{ name: group.name, versions: group.versions, preferredVersion: group.preferredVersion }]
    : [];
  return { kind: "APIGroupList", apiVersion: "v1", groups };
}

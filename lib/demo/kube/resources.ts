import type { KubeObject } from "./types";

export const CCE_GROUP = "cce.baidubce.com";

/** A printer column as the Table API describes it, plus how to compute its cell. */
export interface ColumnSpec {
  name: string;
  type: "string" | "integer" | "boolean" | "date";
  format?: string;
  description: string;
  priority: number;
  cell: (obj: KubeObject, now: number) => unknown;
}

/** Everything the server needs to route, describe and print one resource. */
export interface ResourceInfo {
  resource: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** Field selector keys this resource accepts besides metadata.name and metadata.namespace. */
  fields: Record<string, (obj: KubeObject) => string>;
}

/** Reads a dotted path of plain keys; keys may contain "-" as in spec.instance-id. */
export function readPath(obj: unknown, path: string): unknown {
  let current: unknown = obj;
  for (const key of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function stringAt(path: string): (obj: KubeObject) => string {
  return (obj) => {
    const value = readPath(obj, path);
    return value === undefined || value === null ? "" : String(value);
  };
}

const eventFields = Object.fromEntries(
  [
    "involvedObject.kind",
    "involvedObject.name",
    "involvedObject.namespace",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.fieldPath",
    "reason",
    "type",
    "source",
  ].map((path) => [path, stringAt(path === "source" ? "source.component" : path)]),
);

const RESOURCES: ResourceInfo[] = [
  {
    resource: "netresourcesets",
    singular: "netresourceset",
    kind: "NetResourceSet",
    group: CCE_GROUP,
    version: "v2",
    namespaced: false,
    shortNames: ["nrs", "nr"],
    categories: ["cce"],
    fields: {},
  },
  {
    resource: "enis",
    singular: "eni",
    kind: "ENI",
    group: CCE_GROUP,
    version: "v2",
    namespaced: false,
    shortNames: [],
    categories: ["cce"],
    fields: {},
  },
  {
    resource: "cceendpoints",
    singular: "cceendpoint",
    kind: "CCEEndpoint",
    group: CCE_GROUP,
    version: "v2",
    namespaced: true,
    shortNames: ["cep", "ccep"],
    categories: ["cce"],
    fields: {},
  },
  {
    resource: "subnets",
    singular: "subnet",
    kind: "Subnet",
    group: CCE_GROUP,
    version: "v1",
    namespaced: false,
    shortNames: ["sbn"],
    categories: ["cce"],
    fields: {},
  },
  {
    resource: "nodes",
    singular: "node",
    kind: "Node",
    group: "",
    version: "v1",
    namespaced: false,
    shortNames: ["no"],
    categories: [],
    fields: { "spec.unschedulable": stringAt("spec.unschedulable") },
  },
  {
    resource: "pods",
    singular: "pod",
    kind: "Pod",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: ["po"],
    categories: ["all"],
    fields: {
      "status.phase": stringAt("status.phase"),
      "spec.nodeName": stringAt("spec.nodeName"),
    },
  },
  {
    resource: "events",
    singular: "event",
    kind: "Event",
    group: "",
    version: "v1",
    namespaced: true,
    shortNames: ["ev"],
    categories: [],
    fields: eventFields,
  },
  {
    resource: "namespaces",
    singular: "namespace",
    kind: "Namespace",
    group: "",
    version: "v1",
    namespaced: false,
    shortNames: ["ns"],
    categories: [],
    fields: { "status.phase": stringAt("status.phase") },
  },
];

export function allResources(): readonly ResourceInfo[] {
  return RESOURCES;
}

export function groupVersionOf(info: ResourceInfo): string {
  return info.group === "" ? info.version : `${info.group}/${info.version}`;
}

/** Finds a resource by its plural name, optionally within one group/version. */
export function resourceInfo(resource: string, groupVersion?: string): ResourceInfo | undefined {
  return RESOURCES.find(
    (info) =>
      info.resource === resource &&
      (groupVersion === undefined || groupVersionOf(info) === groupVersion),
  );
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return RESOURCES.find((info) => info.kind === kind);
}

/** Returns "netresourcesets.cce.baidubce.com" or "pods", the form real servers use in messages. */
export function qualifiedName(info: ResourceInfo): string {
  return info.group === "" ? info.resource : `${info.resource}.${info.group}`;
}

// Reads NetResourceSet, ENI and Subnet objects out of a `kubectl get -o yaml|json` dump.
import { parseAllDocuments } from "yaml";

import type { ClusterObjects } from "./from-cluster";

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function collect(value: unknown, objects: ClusterObjects): void {
  if (Array.isArray(value)) {
    value.forEach((item) => collect(item, objects));
    return;
  }
  const record = asRecord(value);
  if (!record) return;

  if (Array.isArray(record.items)) collect(record.items, objects);
  for (const key of ["nrs", "enis", "subnets"] as const) {
    if (Array.isArray(record[key])) objects[key].push(...(record[key] as unknown[]));
  }
  const apiVersion = String(record.apiVersion ?? "");
  if (!apiVersion.startsWith("cce.baidubce.com/")) return;
  if (record.kind === "NetResourceSet") objects.nrs.push(record);
  if (record.kind === "ENI") objects.enis.push(record);
  if (record.kind === "Subnet") objects.subnets.push(record);
}

/**
 * Extracts cluster objects from YAML or JSON text: single objects, `List` objects with `items`,
 * multi-document YAML, or an object with `nrs`, `enis` and `subnets` arrays. Other kinds are
 * skipped. Throws on YAML syntax errors.
 */
export function clusterObjectsFromDump(text: string): ClusterObjects {
  const objects: ClusterObjects = { nrs: [], enis: [], subnets: [] };
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0)
      throw new Error(`invalid YAML/JSON: ${document.errors[0]?.message}`);
    collect(document.toJSON(), objects);
  }
  return objects;
}

import { columnsFor } from "./columns";
import type { ResourceInfo } from "./resources";
import { groupVersionOf } from "./resources";
import type { KubeObject } from "./types";

/** What a row carries in `object`, from the includeObject query parameter. */
export type IncludeObject = "None" | "Metadata" | "Object";

/** Options parsed from the Accept header and query of a Table request. */
export interface TableRequest {
  /** meta.k8s.io version the client requested: v1 (kubectl 1.32) or v1beta1. */
  apiVersion: string;
  includeObject: IncludeObject;
}

export interface ListMeta {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** Returns the Table request an Accept header asks for, or undefined for plain JSON. */
export function tableRequestFrom(
  accept: string,
  includeObject: string | null,
): TableRequest | undefined {
  for (const range of accept.split(",")) {
    const params = range.split(";").map((part) => part.trim());
    if (!params.includes("as=Table") || !params.includes("g=meta.k8s.io")) continue;
    const version = params.find((part) => part.startsWith("v="))?.slice(2) ?? "v1";
    const include =
      includeObject === "None" || includeObject === "Object" ? includeObject : "Metadata";
    return { apiVersion: `meta.k8s.io/${version}`, includeObject: include };
  }
  return undefined;
}

function rowObject(obj: KubeObject, info: ResourceInfo, request: TableRequest): unknown {
  if (request.includeObject === "None") return undefined;
  if (request.includeObject === "Object") return obj;
  return {
    kind: "PartialObjectMetadata",
    apiVersion: request.apiVersion,
    metadata: obj.metadata,
  };
}

/** Renders objects as a meta.k8s.io Table with the printer columns of their resource. */
export function toTable(
  objects: KubeObject[],
  info: ResourceInfo,
  request: TableRequest,
  listMeta: ListMeta,
  now: number = Date.now(),
): Record<string, unknown> {
  const columns = columnsFor(info.resource);
  return {
    kind: "Table",
    apiVersion: request.apiVersion,
    metadata: listMeta,
    columnDefinitions: columns.map((column) => ({
      name: column.name,
      type: column.type,
      format: column.format ?? "",
      description: column.description,
      priority: column.priority,
    })),
    rows: objects.map((obj) => ({
      cells: columns.map((column) => column.cell(obj, now)),
      object: rowObject(obj, info, request),
    })),
  };
}

/** Sets apiVersion and kind on an object that lacks them, as list items must carry both. */
export function withTypeMeta(obj: KubeObject, info: ResourceInfo): KubeObject {
  if (obj.apiVersion && obj.kind) return obj;
  return { ...obj, apiVersion: groupVersionOf(info), kind: info.kind };
}

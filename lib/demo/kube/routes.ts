import { CCE_GROUP, type ResourceInfo, resourceInfo } from "./resources";

/** A parsed request path of the demo API server. */
export type Route =
  | { type: "version" | "api" | "apis" | "health" }
  | { type: "group"; group: string }
  | { type: "resourceList"; groupVersion: string }
  | { type: "resource"; info: ResourceInfo; namespace?: string; name?: string };

function resourceRoute(groupVersion: string, rest: string[]): Route | undefined {
  let namespace: string | undefined;
  let parts = rest;
  if (parts[0] === "namespaces" && parts.length >= 3 && parts[2] !== "status") {
    namespace = parts[1];
    parts = parts.slice(2);
  }
  const [resource, name, subresource, ...extra] = parts;
  if (!resource || extra.length > 0) return undefined;
  if (subresource !== undefined && subresource !== "status") return undefined;

  const info = resourceInfo(resource, groupVersion);
  if (!info) return undefined;
  // Real servers serve namespaced objects by name only under /namespaces/NS/.
  if (namespace !== undefined && !info.namespaced) return undefined;
  if (name !== undefined && info.namespaced && namespace === undefined) return undefined;
  return { type: "resource", info, namespace, name };
}

/** Parses a URL path; returns undefined for paths a real server answers with 404. */
export function parseRoute(pathname: string): Route | undefined {
  const segments = pathname
    .split("/")
    .filter((segment) => segment !== "")
    .map(decodeURIComponent);
  const [root, second, third, ...rest] = segments;

  if (root === "version" && segments.length === 1) return { type: "version" };
  if (["healthz", "livez", "readyz"].includes(root ?? "") && segments.length === 1) {
    return { type: "health" };
  }
  if (root === "api") {
    if (second === undefined) return { type: "api" };
    if (second !== "v1") return undefined;
    if (third === undefined) return { type: "resourceList", groupVersion: "v1" };
    return resourceRoute("v1", [third, ...rest]);
  }
  if (root !== "apis") return undefined;
  if (second === undefined) return { type: "apis" };
  if (second !== CCE_GROUP) return undefined;
  if (third === undefined) return { type: "group", group: second };
  const groupVersion = `${second}/${third}`;
  if (rest.length === 0) return { type: "resourceList", groupVersion };
  return resourceRoute(groupVersion, rest);
}

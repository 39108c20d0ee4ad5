// Read-only routes of the VPC stand-in, serving a fixture in the API's JSON shapes.
import type { EniJson, SubnetJson } from "@/lib/vpc/schemas";

/** Everything the stand-in serves, in the API's JSON shapes. */
export interface VpcFixture {
  /** Subnets of GET /v1/subnet and GET /v1/subnet/{id}. */
  subnets: SubnetJson[];
  /** ENIs of GET /v1/eni/{id}. */
  enis: EniJson[];
  /** BBC main ports of GET /v1/vpcPort/{instanceId}, keyed by instance id. */
  bbcPorts: Record<string, EniJson>;
  /** ENIs of GET /v2/eni/{instanceId}, primary NIC included, keyed by instance id. */
  instanceEnis: Record<string, EniJson[]>;
}

export interface RouteAnswer {
  status: number;
  body: unknown;
}

export interface ListOptions {
  /** Maximum page size the stand-in returns, whatever maxKeys requests. */
  pageSize: number;
  /** 1-based page number that fails with HTTP 500, or null. */
  breakOnPage: number | null;
}

export function apiError(status: number, code: string, message: string): RouteAnswer {
  return { status, body: { code, message } };
}

function notFound(kind: string, id: string): RouteAnswer {
  return apiError(404, "NoSuchObject", `The ${kind} ${id} does not exist.`);
}

function listSubnets(
  fixture: VpcFixture,
  query: URLSearchParams,
  options: ListOptions,
): RouteAnswer {
  const filters = ["vpcId", "zoneName", "subnetType"] as const;
  const matching = fixture.subnets.filter((subnet) =>
    filters.every((name) => {
      const filterValue = query.get(name);
      return !filterValue || subnet[name] === filterValue;
    }),
  );

  const maxKeys = Number(query.get("maxKeys") ?? "1000");
  if (!Number.isInteger(maxKeys) || maxKeys < 1 || maxKeys > 1000) {
    return apiError(400, "InvalidParameter", "maxKeys must be an integer from 1 to 1000.");
  }
  const size = Math.min(maxKeys, options.pageSize);
  const marker = query.get("marker");
  const start = marker ? matching.findIndex((subnet) => subnet.subnetId === marker) : 0;
  if (start < 0) return apiError(400, "InvalidParameter", `Unknown marker ${marker}.`);

  const page = Math.floor(start / size) + 1;
  if (options.breakOnPage === page) {
    return apiError(500, "InternalError", `Listing failed on page ${page} (stand-in knob).`);
  }
  const items = matching.slice(start, start + size);
  const next = matching[start + size];
  return {
    status: 200,
    body: {
      marker: marker ?? "",
      maxKeys: size,
      isTruncated: next !== undefined,
      ...(next ? { nextMarker: next.subnetId } : {}),
      subnets: items,
    },
  };
}

/** Returns the response to one GET request from the fixture, or 404 NoSuchObject. */
export function route(
  fixture: VpcFixture,
  path: string,
  query: URLSearchParams,
  options: ListOptions,
): RouteAnswer {
  if (path === "/v1/subnet") return listSubnets(fixture, query, options);

  const match = /^\/(v1|v2)\/(subnet|eni|vpcPort)\/([^/]+)$/.exec(path);
  const [, version, kind, id = ""] = match ?? [];
  if (version === "v1" && kind === "subnet") {
    const subnet = fixture.subnets.find((item) => item.subnetId === id);
    return subnet ? { status: 200, body: { subnet } } : notFound("subnet", id);
  }
  if (version === "v1" && kind === "eni") {
    const eni = fixture.enis.find((item) => item.eniId === id);
    return eni ? { status: 200, body: eni } : notFound("ENI", id);
  }
  if (version === "v2" && kind === "eni") {
    const enis = fixture.instanceEnis[id];
    return enis ? { status: 200, body: { enis } } : notFound("instance", id);
  }
  if (version === "v1" && kind === "vpcPort") {
    const port = fixture.bbcPorts[id];
    return port ? { status: 200, body: port } : notFound("BBC instance", id);
  }
  return notFound("resource", path);
}

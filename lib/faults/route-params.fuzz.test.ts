/**
 * Property-based fuzzing of API route parameters: every GET handler that reads query or path
 * parameters gets 1,000 generated requests against a synced demo cache. A handler must answer
 * 200, or 400 with an error that names the parameter, and never throw or answer 500.
 */
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { GET as getChanges } from "@/app/api/v1/changes/route";
import { GET as getEni } from "@/app/api/v1/enis/[id]/route";
import { GET as getEnis } from "@/app/api/v1/enis/route";
import { GET as getEvents } from "@/app/api/v1/events/route";
import { GET as getNode } from "@/app/api/v1/nodes/[name]/route";
import { GET as getPods } from "@/app/api/v1/pods/route";
import { GET as getSearch } from "@/app/api/v1/search/route";
import { parseNodeQuery, SORT_KEYS } from "@/lib/domain/node-query";

import { type KubeHarness, startHarness } from "./kube-harness";

const RUNS = 1_000;
const PARAMETERS = [
  "q",
  "eni",
  "health",
  "kind",
  "limit",
  "name",
  "namespace",
  "node",
  "since",
  "until",
  "status",
  "subnet",
  "type",
  "sort",
  "dir",
  "near",
];

/** Values near the edge: dates, numbers, empty, long and odd text. */
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "true", "null", "a".repeat(2_000)),
);

const query = fc.dictionary(fc.oneof(fc.constantFrom(...PARAMETERS), fc.string()), value, {
  maxKeys: 5,
});

function requestFor(path: string, params: Record<string, string>): NextRequest {
  const url = new URL(`http://127.0.0.1${path}`);
  for (const [key, entry] of Object.entries(params)) url.searchParams.append(key, entry);
  return new NextRequest(url);
}

/** Asserts a handler's response is 200, or 400 with an error naming one of `params`. */
async function expectUsable(response: Response, params: Record<string, string>): Promise<void> {
  expect([200, 400, 404]).toContain(response.status);
  const body = (await response.json()) as { error?: { code: string; message: string } };
  if (response.status === 200) return;
  expect(body.error?.message.length).toBeGreaterThan(0);
  if (response.status === 400) {
    expect(body.error?.code).toBe("invalid-parameter");
    const named = Object.keys(params).some((key) => body.error?.message.includes(key));
    expect(named).toBe(true);
  }
}

type QueryHandler = (request: NextRequest, context: never) => Response | Promise<Response>;

const QUERY_ROUTES: { path: string; handler: QueryHandler }[] = [
  { path: "/api/v1/changes", handler: getChanges as QueryHandler },
  { path: "/api/v1/enis", handler: getEnis as QueryHandler },
  { path: "/api/v1/events", handler: getEvents as QueryHandler },
  { path: "/api/v1/pods", handler: getPods as QueryHandler },
  { path: "/api/v1/search", handler: getSearch as QueryHandler },
];

let harness: KubeHarness;

beforeAll(async () => {
  harness = await startHarness({ watchTimeoutSeconds: 300 });
  harness.cache.start();
  await harness.waitForSync();
});

afterAll(async () => {
  await harness.close();
});

describe("route query parameters", () => {
  it.each(QUERY_ROUTES)("$path survives generated queries", async ({ path, handler }) => {
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const response = await handler(requestFor(path, params), {} as never);
        await expectUsable(response, params);
      }),
      { numRuns: RUNS },
    );
  });

  it.each([
    { path: "/api/v1/nodes", handler: getNode },
    { path: "/api/v1/enis", handler: getEni },
  ])("$path/[id] survives generated ids", async ({ path, handler }) => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (id) => {
        const params = Promise.resolve({ name: id, id });
        const response = await handler(requestFor(`${path}/x`, {}), { params } as never);
        expect([200, 404]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
  });

  it("parseNodeQuery keeps sort and direction valid", () => {
    fc.assert(
      fc.property(query, (params) => {
        const parsed = parseNodeQuery(new URLSearchParams(params));
        expect(SORT_KEYS).toContain(parsed.sort);
        expect(["asc", "desc"]).toContain(parsed.dir);
        expect(parsed.text).toBe(parsed.text.trim());
      }),
      { numRuns: RUNS },
    );
  });
});

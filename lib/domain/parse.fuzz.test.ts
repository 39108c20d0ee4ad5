/**
 * Property-based fuzzing of the per-kind parsers: arbitrary JSON and near-valid objects (a
 * scenario object with one field replaced by a value of another type). A parser must never
 * throw, and a rejection must name the field that failed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { buildScenario } from "@/lib/demo/scenario/scenario";

import {
  parseEni,
  parseEvent,
  parseKubeNode,
  parseNetResourceSet,
  parsePod,
  type ParseResult,
  parseSubnet,
} from "./parse";

const RUNS = 1_000;
type Json = unknown;

const PARSERS: { kind: string; parse: (raw: unknown) => ParseResult<unknown> }[] = [
  { kind: "NetResourceSet", parse: parseNetResourceSet },
  { kind: "ENI", parse: parseEni },
  { kind: "Subnet", parse: parseSubnet },
  { kind: "Node", parse: parseKubeNode },
  { kind: "Pod", parse: parsePod },
  { kind: "Event", parse: parseEvent },
];

const scenario = buildScenario({ seed: 1, scale: 4 });

function sampleOf(kind: string): Record<string, Json> {
  const found = scenario.find((object) => object.kind === kind);
  if (!found) throw new Error(`the demo scenario has no ${kind}`);
  return structuredClone(found) as unknown as Record<string, Json>;
}

/** Every path to a value inside `value`, at most `depth` levels deep. */
function pathsOf(value: Json, depth = 6, prefix: string[] = []): string[][] {
  if (depth === 0 || value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value)
    ? value.slice(0, 3).map((item, index) => [String(index), item] as const)
    : Object.entries(value).slice(0, 12);
  return entries.flatMap(([key, child]) => {
    const path = [...prefix, key];
    return [path, ...pathsOf(child, depth - 1, path)];
  });
}

function withValueAt(root: Record<string, Json>, path: string[], value: Json): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  node[path[path.length - 1] ?? ""] = value;
  return copy;
}

/** Values of a type different from most fields: numbers, booleans, arrays, objects, strings. */
const wrongValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 8 }),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

/** Asserts a rejection reads "<field path>: <reason>" with both parts present. */
function expectFieldError(result: ParseResult<unknown>): string | null {
  if (result.ok) return null;
  const separator = result.error.indexOf(": ");
  expect(separator).toBeGreaterThan(0);
  expect(result.error.length).toBeGreaterThan(separator + 2);
  return result.error.slice(0, separator);
}

describe.each(PARSERS)("parser for $kind", ({ kind, parse }) => {
  it("survives arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const result = parse(raw);
        expect(typeof result.ok).toBe("boolean");
        expectFieldError(result);
      }),
      { numRuns: RUNS },
    );
  });

  it("names the field of a near-valid object", () => {
    const sample = sampleOf(kind);
    expect(parse(sample).ok).toBe(true);
    const paths = pathsOf(sample);

    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), wrongValue, (index, value) => {
        const path = paths[index] ?? [];
        const result = parse(withValueAt(sample, path, value));
        const field = expectFieldError(result);
        // The reported field is the mutated one, a parent of it (a whole record), or a required
        // field inside it when the mutation replaced an object.
        if (field !== null && field !== "(root)") {
          const mutated = path.join(".");
          expect(mutated.startsWith(field) || field.startsWith(mutated)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

import { describe, expect, it } from "vitest";

import { defaultStep, parseHistoryParams, parseTime, parseWhatIfParams } from "./params";
import { DAY_MS, HOUR_MS } from "./types";

const NOW = Date.UTC(2025, 5, 10, 12, 0, 0);
const parse = (query: string) => parseHistoryParams(new URLSearchParams(query), NOW);

describe("parseTime", () => {
  it("reads epoch milliseconds and ISO times", () => {
    expect(parseTime(String(NOW))).toBe(NOW);
    expect(parseTime("2025-06-10T12:00:00Z")).toBe(NOW);
  });

  it("rejects other text", () => {
    expect(parseTime("yesterday")).toBeNull();
    expect(parseTime("2025-13-45T99:00:00Z")).toBeNull();
  });
});

describe("parseHistoryParams", () => {
  it("defaults to the last 24 hours in 5-minute steps", () => {
    expect(parse("")).toEqual({ ok: true, value: { from: NOW - DAY_MS, to: NOW, step: 300 } });
  });

  it("accepts a named range", () => {
    expect(parse("range=7d")).toMatchObject({
      ok: true,
      value: { from: NOW - 7 * DAY_MS, step: 1800 },
    });
  });

  it("accepts from, to and step", () => {
    const result = parse(`from=${NOW - HOUR_MS}&to=2025-06-10T12:00:00Z&step=60`);
    expect(result).toEqual({ ok: true, value: { from: NOW - HOUR_MS, to: NOW, step: 60 } });
  });

  it.each([
    ["from=soon", /invalid "from"/],
    ["to=later", /invalid "to"/],
    ["range=2w", /invalid "range"/],
    ["range=1h&from=0", /not both/],
    [`from=${NOW + 1}`, /before "to"/],
    ["from=0", /at most 366 days/],
    ["step=0", /invalid "step"/],
    ["step=1.5", /invalid "step"/],
    ["step=abc", /invalid "step"/],
    ["range=30d&step=60", /at most 2000/],
  ])("rejects %s", (query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe("defaultStep", () => {
  it("rounds up to a step the rollup tables line up with", () => {
    expect(defaultStep(HOUR_MS)).toBe(60);
    expect(defaultStep(30 * DAY_MS)).toBe(10_800);
  });
});

describe("parseWhatIfParams", () => {
  const whatIf = (query: string) => parseWhatIfParams(new URLSearchParams(query));

  it("accepts nodes to add and an optional ceiling", () => {
    expect(whatIf("addNodes=5&ceiling=39")).toEqual({
      ok: true,
      value: { addNodes: 5, ceiling: 39 },
    });
    expect(whatIf("addNodes=0")).toEqual({ ok: true, value: { addNodes: 0, ceiling: null } });
  });

  it.each([
    ["", /"addNodes" is required/],
    ["addNodes=-1", /invalid "addNodes"/],
    ["addNodes=2.5", /invalid "addNodes"/],
    ["addNodes=10001", /invalid "addNodes"/],
    ["addNodes=", /invalid "addNodes"/],
    ["addNodes=3&ceiling=0", /invalid "ceiling"/],
    ["addNodes=3&ceiling=x", /invalid "ceiling"/],
  ])("rejects %j", (query, message) => {
    const result = whatIf(query);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

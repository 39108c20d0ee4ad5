/** Parsing and validation of history API query parameters. Pure. */
import { DAY_MS, DEFAULT_POINTS, HOUR_MS, MAX_POINTS } from "./types";

/** Maximum range of one history request. */
export const MAX_RANGE_MS = 366 * DAY_MS;

/** Named ranges of the chart's range selector. */
export const RANGES = {
  "1h": HOUR_MS,
  "24h": DAY_MS,
  "7d": 7 * DAY_MS,
  "30d": 30 * DAY_MS,
} as const;
export type RangeName = keyof typeof RANGES;

/** Steps a default is rounded up to, seconds, so buckets line up with the rollup tables. */
const NICE_STEPS = [60, 300, 900, 1800, 3600, 10_800, 21_600, 86_400];

/** Most nodes a what-if may add; far beyond any node pool, small enough to stay arithmetic. */
export const MAX_ADD_NODES = 10_000;
/** Largest per-node ceiling a what-if accepts (BBC primary NICs top out at 39, ENIs lower). */
export const MAX_CEILING = 10_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export interface HistoryParams {
  from: number;
  to: number;
  /** Bucket width, seconds. */
  step: number;
}

/** Reads an ISO 8601 time or epoch milliseconds. */
export function parseTime(value: string): number | null {
  const text = value.trim();
  if (/^\d{1,15}$/.test(text)) return Number(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

export function defaultStep(rangeMs: number): number {
  const wanted = rangeMs / 1000 / DEFAULT_POINTS;
  return NICE_STEPS.find((step) => step >= wanted) ?? Math.ceil(wanted);
}

function fail<T>(message: string): Parsed<T> {
  return { ok: false, message };
}

/**
 * Validates `from`, `to` (ISO or epoch ms), `range` (1h, 24h, 7d, 30d: from = to - range) and
 * `step` (seconds). Defaults: to = now, from = to - 24 h, step = about 360 points.
 */
export function parseHistoryParams(query: URLSearchParams, now: number): Parsed<HistoryParams> {
  const toText = query.get("to");
  const to = toText === null ? now : parseTime(toText);
  if (to === null) return fail(`invalid "to" ${JSON.stringify(toText)}: use ISO 8601 or epoch ms`);

  const rangeText = query.get("range");
  const fromText = query.get("from");
  if (rangeText !== null && fromText !== null) return fail('give "from" or "range", not both');
  let from = to - DAY_MS;
  if (rangeText !== null) {
    if (!(rangeText in RANGES)) {
      return fail(
        `invalid "range" ${JSON.stringify(rangeText)}: use ${Object.keys(RANGES).join(", ")}`,
      );
    }
    from = to - RANGES[rangeText as RangeName];
  } else if (fromText !== null) {
    const parsed = parseTime(fromText);
    if (parsed === null) {
      return fail(`invalid "from" ${JSON.stringify(fromText)}: use ISO 8601 or epoch ms`);
    }
    from = parsed;
  }
  if (from >= to) return fail(`"from" must be before "to"`);
  if (to - from > MAX_RANGE_MS)
    return fail(`the range may span at most ${MAX_RANGE_MS / DAY_MS} days`);

  const stepText = query.get("step");
  const step = stepText === null ? defaultStep(to - from) : Number(stepText);
  if (!Number.isInteger(step) || step <= 0) {
    return fail(
      `invalid "step" ${JSON.stringify(stepText)}: use a whole number of seconds above 0`,
    );
  }
  const points = Math.ceil((to - from) / 1000 / step);
  if (points > MAX_POINTS) {
    return fail(
      `"step" ${step} s gives ${points} points; at most ${MAX_POINTS} are allowed, so use a larger step`,
    );
  }
  return { ok: true, value: { from, to, step } };
}

function parseCount(
  text: string | null,
  name: string,
  min: number,
  max: number,
): Parsed<number | null> {
  if (text === null) return { ok: true, value: null };
  const value = Number(text);
  if (text.trim() === "" || !Number.isInteger(value) || value < min || value > max) {
    return fail(
      `invalid "${name}" ${JSON.stringify(text)}: use a whole number from ${min} to ${max}`,
    );
  }
  return { ok: true, value };
}

export interface WhatIfParams {
  addNodes: number;
  /** Ceiling per added node; null means "like the subnet's existing nodes". */
  ceiling: number | null;
}

/** Validates `addNodes` (required, 0-10000) and `ceiling` (optional, 1-10000). */
export function parseWhatIfParams(query: URLSearchParams): Parsed<WhatIfParams> {
  const addNodes = parseCount(query.get("addNodes"), "addNodes", 0, MAX_ADD_NODES);
  if (!addNodes.ok) return addNodes;
  if (addNodes.value === null) return fail('"addNodes" is required: the number of nodes to add');
  const ceiling = parseCount(query.get("ceiling"), "ceiling", 1, MAX_CEILING);
  if (!ceiling.ok) return ceiling;
  return { ok: true, value: { addNodes: addNodes.value, ceiling: ceiling.value } };
}

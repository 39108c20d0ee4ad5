/**
 * Picks the tables a history query reads. Rolled-up tables lag behind the raw one (rollups run
 * every few minutes), so a query reads its chosen table up to that table's watermark and the
 * finer tables after it.
 */
import { type Resolution, RESOLUTIONS } from "./types";

export interface QuerySegment {
  table: string;
  /** Seconds one row of the table covers. */
  seconds: number;
  /** Epoch seconds, from inclusive, to exclusive. */
  from: number;
  to: number;
}

export interface QueryPlan {
  resolution: Resolution["name"];
  /** Bucket width of the response, seconds: the requested step, never finer than the table. */
  step: number;
  segments: QuerySegment[];
}

export interface PlanRequest {
  from: number;
  to: number;
  step: number;
  now?: number;
}

/**
 * Chooses the coarsest table whose rows are no wider than `step` and whose retention still
 * covers `from`. When no table fits both, the finest table that covers `from` wins, and the
 * step widens to its row width.
 */
export function chooseResolution(request: PlanRequest): Resolution {
  const now = request.now ?? Date.now();
  const covering = RESOLUTIONS.filter((r) => now - r.retentionMs <= request.from);
  const fitting = covering.filter((r) => r.seconds <= request.step);
  const last = RESOLUTIONS[RESOLUTIONS.length - 1] as Resolution;
  return fitting[fitting.length - 1] ?? covering[0] ?? last;
}

export function planQuery(
  request: PlanRequest,
  watermark: (name: Resolution["name"]) => number,
): QueryPlan {
  const chosen = chooseResolution(request);
  const step = Math.max(Math.round(request.step), chosen.seconds);
  const from = Math.floor(request.from / 1000);
  const to = Math.ceil(request.to / 1000);
  const index = RESOLUTIONS.indexOf(chosen);

  const segments: QuerySegment[] = [];
  let start = from;
  for (let i = index; i >= 0 && start < to; i -= 1) {
    const resolution = RESOLUTIONS[i] as Resolution;
    // The raw table has no watermark: it is always the newest.
    const end = i === 0 ? to : Math.min(to, watermark(resolution.name));
    if (end > start) {
      segments.push({ table: resolution.table, seconds: resolution.seconds, from: start, to: end });
      start = end;
    }
  }
  return { resolution: chosen.name, step, segments };
}

export { forecast } from "./engine";
export { linearCrossing, predictLinear } from "./predict-linear";
export type * from "./types";
export {
  DAY_MS,
  DEFAULT_HORIZON_MS,
  HOUR_MS,
  INTERVAL_COVERAGE,
  MIN_POINTS,
  MIN_SEASONAL_SPAN_MS,
  MIN_SPAN_MS,
} from "./types";
export { whatIf, type WhatIfInput, type WhatIfResult } from "./what-if";

import fc from "fast-check";

/**
 * Fixes the fast-check seed so every CI run replays the same generated cases and a failure
 * reproduces. Set FUZZ_SEED to explore other cases locally; a failure prints its seed and path.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20261204);
fc.configureGlobal({ seed: Number.isFinite(seed) ? seed : 20261204 });

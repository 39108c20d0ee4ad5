// Tests the chart caption text of components/charts/summary.ts, which Vitest only finds under lib/.
import { describe, expect, it } from "vitest";

import { describeLead, forecastSentence, historyHours } from "@/components/charts/summary";

const NOW = Date.UTC(2025, 5, 10, 12, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("forecastSentence", () => {
  it("gives the central estimate and the 80 % range", () => {
    const forecast = {
      status: "exhausts" as const,
      exhaustsAt: NOW + 9 * DAY,
      low: NOW + 6 * DAY,
      high: NOW + 14 * DAY,
      reason: "",
    };
    expect(forecastSentence("sbn-a", forecast, 700, NOW)).toBe(
      "sbn-a runs out in about 9.0 days, between 6.0 days and 14 days.",
    );
  });

  it("says when the upper end is beyond the horizon", () => {
    const forecast = {
      status: "exhausts" as const,
      exhaustsAt: NOW + 30 * HOUR,
      low: NOW + 20 * HOUR,
      high: null,
      reason: "",
    };
    expect(forecastSentence("sbn-a", forecast, 700, NOW)).toBe(
      "sbn-a runs out in about 30 hours, between 20 hours and beyond 90 days.",
    );
  });

  it("says when no exhaustion is expected", () => {
    const forecast = {
      status: "not-expected" as const,
      exhaustsAt: null,
      low: null,
      high: null,
      reason: "",
    };
    expect(forecastSentence("The cluster", forecast, 700, NOW)).toBe(
      "The cluster: no exhaustion expected within 90 days.",
    );
  });

  it("counts the hours of a short history", () => {
    const forecast = {
      status: "insufficient-data" as const,
      exhaustsAt: null,
      low: null,
      high: null,
      reason: "Too few samples.",
    };
    expect(forecastSentence("Node 10.0.0.1", forecast, 3, NOW)).toBe(
      "Node 10.0.0.1: not enough data yet: 3 hours of history.",
    );
  });

  it("reports a series already at capacity", () => {
    const forecast = {
      status: "already-exhausted" as const,
      exhaustsAt: NOW,
      low: NOW,
      high: NOW,
      reason: "",
    };
    expect(forecastSentence("Node 10.0.17.20", forecast, 700, NOW)).toMatch(/has run out/);
  });
});

describe("describeLead", () => {
  it("uses hours below two days and days above", () => {
    expect(describeLead(HOUR)).toBe("1 hour");
    expect(describeLead(47 * HOUR)).toBe("47 hours");
    expect(describeLead(2.74 * DAY)).toBe("2.7 days");
    expect(describeLead(12.4 * DAY)).toBe("12 days");
  });
});

describe("historyHours", () => {
  it("measures the span of the points", () => {
    expect(historyHours([NOW, NOW + 5.5 * HOUR])).toBe(5);
    expect(historyHours([NOW])).toBe(0);
  });
});

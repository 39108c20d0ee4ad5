/**
 * Test helper that records every call to the process logger, whatever LOG_LEVEL is, so fault
 * tests can count how often a fault was logged. Production logging is unchanged: only the
 * logger instance's level methods are wrapped, and restore() puts them back.
 */
import { vi } from "vitest";

import { logger } from "@/lib/server/log";

export interface CapturedLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  fields: Record<string, unknown>;
}

export interface LogCapture {
  lines: CapturedLine[];
  /** Lines at `level` whose fields contain every entry of `match`. */
  count(level: CapturedLine["level"], match?: Record<string, unknown>): number;
  clear(): void;
  restore(): void;
}

const LEVELS = ["debug", "info", "warn", "error"] as const;

function toLine(level: CapturedLine["level"], args: unknown[]): CapturedLine {
  const [first, second] = args;
  if (typeof first === "string") return { level, message: first, fields: {} };
  const fields = (typeof first === "object" && first !== null ? first : {}) as Record<
    string,
    unknown
  >;
  return { level, message: typeof second === "string" ? second : "", fields };
}

export function captureLogs(): LogCapture {
  const lines: CapturedLine[] = [];
  const spies = LEVELS.map((level) =>
    vi.spyOn(logger, level).mockImplementation(((...args: unknown[]) => {
      lines.push(toLine(level, args));
    }) as never),
  );
  return {
    lines,
    count(level, match = {}) {
      return lines.filter(
        (line) =>
          line.level === level &&
          Object.entries(match).every(([key, value]) => line.fields[key] === value),
      ).length;
    },
    clear() {
      lines.length = 0;
    },
    restore() {
      for (const spy of spies) spy.mockRestore();
    },
  };
}

import pino from "pino";

/**
 * The process logger: JSON lines on stdout with time, level, message and context fields. LOG_LEVEL
 * sets the threshold (default info). Secrets are redacted by key name as a second line of defence;
 * callers must not pass them in the first place.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  messageKey: "message",
  formatters: { level: (label) => ({ level: label }) },
  redact: {
    paths: ["*.token", "*.secret", "*.secretAccessKey", "*.authorization", "*.password"],
    censor: "[redacted]",
  },
});

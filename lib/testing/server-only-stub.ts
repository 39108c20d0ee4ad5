// Stands in for the "server-only" marker package under Vitest, where no bundler condition applies.
export {};

import { describe, expect, it } from "vitest";

import { resourceInfo } from "./resources";
import { parseFieldSelector, parseLabelSelector, SelectorError } from "./selectors";
import type { KubeObject } from "./types";

const obj = (labels: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  kind: "Pod",
  metadata: { name: "p1", namespace: "ns", labels },
  ...extra,
});

describe("parseLabelSelector", () => {
  const labels = { app: "web", tier: "front" };
  it.each([
    ["app=web", true],
    ["app==web", true],
    ["app!=web", false],
    ["app in (api, web)", true],
    ["app notin (api,web)", false],
    ["tier", true],
    ["!tier", false],
    ["!missing", true],
    ["app=web,tier=back", false],
    ["app in (web),tier notin (back)", true],
    ["missing!=x", true],
  ])("%s matches %s", (selector, expected) => {
    expect(parseLabelSelector(selector)(obj(labels))).toBe(expected);
  });

  it("rejects malformed terms", () => {
    expect(() => parseLabelSelector("app in web")).toThrow(SelectorError);
  });
});

describe("parseFieldSelector", () => {
  const pods = resourceInfo("pods");
  const events = resourceInfo("events");
  const enis = resourceInfo("enis");
  if (!pods || !events || !enis) throw new Error("resource registry is incomplete");

  it("matches pod phase, node name and metadata.name", () => {
    const pod = obj({}, { status: { phase: "Pending" }, spec: { nodeName: "10.0.0.1" } });
    expect(parseFieldSelector("status.phase=Pending", pods)(pod)).toBe(true);
    expect(parseFieldSelector("status.phase!=Pending", pods)(pod)).toBe(false);
    expect(parseFieldSelector("spec.nodeName==10.0.0.1,metadata.name=p1", pods)(pod)).toBe(true);
  });

  it("matches event involvedObject fields and reason", () => {
    const event = obj({}, { involvedObject: { kind: "NetResourceSet", name: "n1" }, reason: "X" });
    expect(parseFieldSelector("involvedObject.kind=NetResourceSet,reason=X", events)(event)).toBe(
      true,
    );
    expect(parseFieldSelector("involvedObject.name=n2", events)(event)).toBe(false);
  });

  it("rejects fields the resource does not support", () => {
    expect(() => parseFieldSelector("status.phase=Pending", enis)).toThrow(/not supported/);
  });
});

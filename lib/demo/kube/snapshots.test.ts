import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { startDemoCluster } from "./server";
import { parseSnapshot } from "./snapshots";

describe("parseSnapshot", () => {
  it("reads multi-document YAML and skips unknown kinds", () => {
    const warnings: string[] = [];
    const text = [
      "apiVersion: v1\nkind: Node\nmetadata: {name: n1}",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}",
      "apiVersion: cce.baidubce.com/v1\nkind: Subnet\nmetadata: {name: sbn-a}",
    ].join("\n---\n");
    const objects = parseSnapshot(text, "dump.yaml", (message) => warnings.push(message));
    expect(objects.map((obj) => obj.kind)).toEqual(["Node", "Subnet"]);
    expect(warnings).toEqual(['dump.yaml: skipped object of unsupported kind "Deployment"']);
  });

  it("takes apiVersion and kind of list items from an XList", () => {
    const json = JSON.stringify({
      apiVersion: "cce.baidubce.com/v2",
      kind: "ENIList",
      items: [{ metadata: { name: "eni-a" } }, { metadata: { name: "eni-b" } }],
    });
    const objects = parseSnapshot(json, "enis.json", () => {});
    expect(objects).toHaveLength(2);
    expect(objects[0]).toMatchObject({ apiVersion: "cce.baidubce.com/v2", kind: "ENI" });
  });

  it("reads a kind List whose items carry their own kind", () => {
    const text =
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p, namespace: ns}\n";
    expect(parseSnapshot(text, "list.yaml", () => {})[0]).toMatchObject({ kind: "Pod" });
  });

  it("reports invalid YAML with the file name", () => {
    expect(() => parseSnapshot("a: [", "bad.yaml", () => {})).toThrow(/bad\.yaml/);
  });
});

describe("snapshot cluster", () => {
  it("serves only the snapshot objects", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "demo-snapshot-"));
    const file = path.join(dir, "nrs.yaml");
    await writeFile(
      file,
      "apiVersion: cce.baidubce.com/v2\nkind: NetResourceSet\nmetadata: {name: only}\n",
    );
    const cluster = await startDemoCluster({ snapshots: [file] });
    try {
      expect(cluster.store.list("netresourcesets").map((obj) => obj.metadata.name)).toEqual([
        "only",
      ]);
      expect(cluster.store.count("enis")).toBe(0);
    } finally {
      await cluster.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rejects an unreadable snapshot file", async () => {
    await expect(startDemoCluster({ snapshots: ["/nonexistent/x.yaml"] })).rejects.toThrow(
      /cannot read snapshot file \/nonexistent\/x\.yaml/,
    );
  });
});

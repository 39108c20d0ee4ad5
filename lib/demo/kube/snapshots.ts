import { readFile } from "node:fs/promises";

import { parseAllDocuments } from "yaml";

import { resourceForKind } from "./resources";
import type { KubeObject } from "./types";

export type WarningSink = (message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Expands a List or XList into items, filling apiVersion/kind that kubectl omits from items. */
function expand(doc: Record<string, unknown>, source: string, warn: WarningSink): KubeObject[] {
  const kind = typeof doc.kind === "string" ? doc.kind : "";
  if (!kind.endsWith("List") || !Array.isArray(doc.items)) return [doc as unknown as KubeObject];

  const itemKind = kind === "List" ? undefined : kind.slice(0, -"List".length);
  const objects: KubeObject[] = [];
  for (const item of doc.items) {
    if (!isRecord(item)) {
      warn(`${source}: skipped a list item that is not an object`);
      continue;
    }
    objects.push({ apiVersion: doc.apiVersion, kind: itemKind, ...item } as unknown as KubeObject);
  }
  return objects;
}

/**
 * Parses `kubectl get -o yaml|json` output: one object, several YAML documents, or a List.
 * Objects of kinds the demo server does not serve, or without metadata.name, are skipped with
 * a warning.
 */
export function parseSnapshot(text: string, source: string, warn: WarningSink): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const document of parseAllDocuments(text)) {
    if (document.errors.length > 0) {
      throw new Error(`${source}: invalid YAML or JSON: ${document.errors[0]?.message ?? ""}`);
    }
    let value: unknown;
    try {
      value = document.toJS();
    } catch (error) {
      // toJS throws for an alias without its anchor, which the parse step lets through.
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`${source}: invalid YAML or JSON: ${detail}`);
    }
    if (value === null || value === undefined) continue;
    if (!isRecord(value)) throw new Error(`${source}: a document is not an object`);

    for (const obj of expand(value, source, warn)) {
      const name = isRecord(obj.metadata) ? obj.metadata.name : undefined;
      if (typeof obj.kind !== "string" || !resourceForKind(obj.kind)) {
        // A kind that is not a string may not even convert to one (an object without toString).
        const shown = typeof obj.kind === "string" ? obj.kind : `(${typeof obj.kind})`;
        warn(`${source}: skipped object of unsupported kind "${shown}"`);
      } else if (typeof name !== "string" || name === "") {
        warn(`${source}: skipped ${obj.kind} without metadata.name`);
      } else {
        objects.push(obj);
      }
    }
  }
  return objects;
}

/** Reads and parses snapshot files; an unreadable file rejects with its path in the message. */
export async function loadSnapshots(files: string[], warn: WarningSink): Promise<KubeObject[]> {
  const objects: KubeObject[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`cannot read snapshot file ${file}: ${reason}`);
    }
    objects.push(...parseSnapshot(text, file, warn));
  }
  return objects;
}

import { type ResourceInfo } from "./resources";
import type { KubeObject } from "./types";

/** Tests one object; built from a label or field selector string. */
export type Matcher = (obj: KubeObject) => boolean;

/** Thrown for a selector the server rejects with 400 BadRequest. */
export class SelectorError extends Error {}

const matchAll: Matcher = () => true;

/** Splits on commas that are not inside the parentheses of an `in (...)` set. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms.map((term) => term.trim()).filter((term) => term !== "");
}

const SET_TERM = /^([A-Za-z0-9./_-]+)\s+(in|notin)\s+\(([^)]*)\)$/;
const EQUALITY_TERM = /^([A-Za-z0-9./_-]+)\s*(==|!=|=)\s*([A-Za-z0-9._-]*)$/;
const EXISTS_TERM = /^(!?)\s*([A-Za-z0-9./_-]+)$/;

function labelTerm(term: string): (labels: Record<string, string>) => boolean {
  const set = SET_TERM.exec(term);
  if (set) {
    const [, key = "", operator, rawValues = ""] = set;
    const values = new Set(rawValues.split(",").map((value) => value.trim()));
    if (operator === "in") return (labels) => key in labels && values.has(labels[key] ?? "");
    return (labels) => !(key in labels) || !values.has(labels[key] ?? "");
  }
  const equality = EQUALITY_TERM.exec(term);
  if (equality) {
    const [, key = "", operator, value = ""] = equality;
    if (operator === "!=") return (labels) => labels[key] !== value;
    return (labels) => labels[key] === value;
  }
  const exists = EXISTS_TERM.exec(term);
  if (exists) {
    const [, negate, key = ""] = exists;
    return negate ? (labels) => !(key in labels) : (labels) => key in labels;
  }
  throw new SelectorError(`unable to parse requirement: invalid label selector term "${term}"`);
}

/** Parses a labelSelector: =, ==, !=, in, notin, `key`, `!key`, joined by commas (AND). */
export function parseLabelSelector(selector: string | null): Matcher {
  if (!selector) return matchAll;
  const tests = splitTerms(selector).map(labelTerm);
  return (obj) => {
    const labels = obj.metadata.labels ?? {};
    return tests.every((test) => test(labels));
  };
}

const FIELD_TERM = /^([A-Za-z0-9._-]+)\s*(==|!=|=)\s*(.*)$/;

/** Parses a fieldSelector of =, == and != terms over the fields `info` supports. */
export function parseFieldSelector(selector: string | null, info: ResourceInfo): Matcher {
  if (!selector) return matchAll;
  const tests = splitTerms(selector).map((term): Matcher => {
    const match = FIELD_TERM.exec(term);
    if (!match) throw new SelectorError(`invalid field selector term "${term}"`);
    const [, field = "", operator, value = ""] = match;
    const read = fieldReader(field, info);
    if (!read) {
      throw new SelectorError(
        `field label not supported: "${field}" is not a field selector key for ${info.resource}`,
      );
    }
    return operator === "!=" ? (obj) => read(obj) !== value : (obj) => read(obj) === value;
  });
  return (obj) => tests.every((test) => test(obj));
}

function fieldReader(field: string, info: ResourceInfo): ((obj: KubeObject) => string) | undefined {
  if (field === "metadata.name") return (obj) => obj.metadata.name;
  if (field === "metadata.namespace" && info.namespaced) {
    return (obj) => obj.metadata.namespace ?? "";
  }
  return info.fields[field];
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { fetchJson } from "@/lib/client/api";
import type { SearchResult } from "@/lib/domain/search";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The header search: "/" focuses it; Enter goes straight to the page of a single exact match
 * and to the results page otherwise.
 */
export function SearchBox() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const submit = async () => {
    const query = value.trim();
    if (!query) return;
    const fallback = `/search?q=${encodeURIComponent(query)}`;
    setBusy(true);
    try {
      const result = await fetchJson<SearchResult>(`/api/v1/search?q=${encodeURIComponent(query)}`);
      const only = result.mode === "exact" && result.total === 1 ? result.matches[0] : undefined;
      router.push(only ? only.href : fallback);
    } catch {
      router.push(fallback);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      role="search"
      className="ml-auto"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input
        ref={input}
        type="search"
        aria-label="Search IP, pod, node, ENI, subnet or MAC"
        placeholder="Search IP, pod, node, ENI…  ( / )"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") event.currentTarget.blur();
        }}
        aria-busy={busy}
        className="w-full max-w-72 min-w-40 rounded border border-slate-700 bg-slate-800 px-3 py-1.5 text-sm text-slate-100 placeholder:text-slate-400 focus:border-sky-500 focus:outline-none"
      />
    </form>
  );
}

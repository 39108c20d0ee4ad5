"use client";

import type { NodeQuery } from "@/lib/domain/node-query";

interface ToolbarProps {
  query: NodeQuery;
  options: { types: string[]; zones: string[]; modes: string[] };
  onChange: (next: NodeQuery) => void;
  shown: number;
  total: number;
}

function Select({
  label,
  value,
  values,
  onChange,
}: {
  label: string;
  value: string | null;
  values: string[];
  onChange: (value: string | null) => void;
}) {
  return (
    <label className="flex items-center gap-1 text-sm">
      <span className="text-slate-500">{label}</span>
      <select
        className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">all</option>
        {values.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

export function NodesToolbar({ query, options, onChange, shown, total }: ToolbarProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <input
        type="search"
        aria-label="Filter nodes"
        placeholder="Filter by name, instance, zone, subnet…"
        className="w-72 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900"
        value={query.text}
        onChange={(event) => onChange({ ...query, text: event.target.value })}
      />
      <Select
        label="Type"
        value={query.type}
        values={options.types}
        onChange={(type) => onChange({ ...query, type })}
      />
      <Select
        label="Zone"
        value={query.zone}
        values={options.zones}
        onChange={(zone) => onChange({ ...query, zone })}
      />
      <Select
        label="Mode"
        value={query.mode}
        values={options.modes}
        onChange={(mode) => onChange({ ...query, mode })}
      />
      <label className="flex items-center gap-1.5 text-sm">
        <input
          type="checkbox"
          checked={query.nearCeiling}
          onChange={(event) => onChange({ ...query, nearCeiling: event.target.checked })}
        />
        Near ceiling
      </label>
      <span className="ml-auto text-sm text-slate-500" aria-live="polite">
        {shown === total ? `${total} nodes` : `${shown} of ${total} nodes`}
      </span>
    </div>
  );
}

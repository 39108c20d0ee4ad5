import Link from "next/link";

import type { DecodedError } from "@/lib/domain/decode";

/** An IPAM code explained: meaning, likely cause and links to what to check next. */
export function DecodedReason({ decoded }: { decoded: DecodedError }) {
  return (
    <div className="space-y-1 text-sm">
      <p>
        <span className="font-mono font-semibold">{decoded.code}</span>: {decoded.meaning}
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        <span className="font-medium">Likely cause: </span>
        {decoded.cause}
      </p>
      {decoded.checks.length > 0 ? (
        <p className="flex flex-wrap gap-x-3 text-xs">
          <span className="text-slate-500">Check next:</span>
          {decoded.checks.map((check) => (
            <Link
              key={check.href}
              href={check.href}
              className="text-sky-700 hover:underline dark:text-sky-400"
            >
              {check.text}
            </Link>
          ))}
        </p>
      ) : null}
    </div>
  );
}

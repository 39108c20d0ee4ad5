"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { SearchBox } from "./search/search-box";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/nodes", label: "Nodes" },
  { href: "/enis", label: "ENIs" },
  { href: "/subnets", label: "Subnets" },
  { href: "/pods", label: "Pending pods" },
  { href: "/changes", label: "Changes" },
];

export function AppHeader() {
  const pathname = usePathname();
  return (
    <header className="border-b border-slate-800 bg-slate-900 text-slate-100">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="font-semibold tracking-tight whitespace-nowrap">
          CCE IP pools
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
          {LINKS.map((link) => {
            const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
            return (
              <Link
                key={link.href}
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`rounded px-3 py-1.5 whitespace-nowrap ${active ? "bg-slate-700 text-white" : "text-slate-300 hover:bg-slate-800"}`}
              >
                {link.label}
              </Link>
            );
          })}
        </nav>
        <SearchBox />
      </div>
    </header>
  );
}

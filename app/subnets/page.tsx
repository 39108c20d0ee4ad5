import type { Metadata } from "next";

import { SubnetsView } from "@/components/subnets/subnets-view";

export const metadata: Metadata = { title: "Subnets" };

export default function SubnetsPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Subnets</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A subnet must keep room for what its nodes may still claim: each node up to its ceiling (n ×
        c). Shortfall is what free IPs cannot cover; the nodes listed would ask first.
      </p>
      <SubnetsView />
    </div>
  );
}

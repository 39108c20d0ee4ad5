import type { Metadata } from "next";

import { SubnetHistoryPanel } from "@/components/charts/history-panel";
import { SubnetDetailView } from "@/components/subnets/subnet-detail-view";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Subnet ${decodeURIComponent((await params).id)}` };
}

export default async function SubnetPage({ params }: Props) {
  const id = decodeURIComponent((await params).id);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">
        Subnet <span className="font-mono">{id}</span>
      </h1>
      <SubnetDetailView id={id} />
      <SubnetHistoryPanel subnetId={id} />
    </div>
  );
}

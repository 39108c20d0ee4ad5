import type { Metadata } from "next";

import { NodeDetailView } from "@/components/nodes/node-detail-view";

type Props = {
  params: Promise<{ name: string }>;
  searchParams: Promise<{ ip?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Node ${decodeURIComponent(name)}` };
}

export default async function NodePage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const { ip } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">
        Node <span className="font-mono">{name}</span>
      </h1>
      <NodeDetailView name={name} highlightIp={typeof ip === "string" ? ip : null} />
    </div>
  );
}

import type { Metadata } from "next";

import { EniDetailView } from "@/components/enis/eni-detail-view";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: `ENI ${decodeURIComponent(id)}` };
}

export default async function EniPage({ params }: Props) {
  const id = decodeURIComponent((await params).id);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">
        ENI <span className="font-mono">{id}</span>
      </h1>
      <EniDetailView id={id} />
    </div>
  );
}

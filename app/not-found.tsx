import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3 py-12 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No page lives at this address. Search for an IP, pod, node, ENI or subnet from the header
        instead.
      </p>
      <p>
        <Link href="/" className="text-sky-700 hover:underline dark:text-sky-400">
          Back to the overview
        </Link>
      </p>
    </div>
  );
}

/** The `#ns-page` JSON the server renders into every page that has a client script (README.md). */

export interface PageJson {
  accountId: string;
  domains: { app: string; forms: string; restlets: string; system: string };
  context: "record" | "suitelet";
  mode: "view" | "edit" | "create" | null;
  record: {
    type: string;
    id: number | null;
    values: Record<string, unknown>;
    texts: Record<string, string | null>;
  } | null;
  fields: Record<string, { type: string; label: string }>;
  clientScript: { url: string; path: string } | null;
  endpoints: { resolveScript: string; file: string };
}

let page: PageJson | undefined;

export function readPage(): PageJson {
  if (page) return page;
  const el = document.getElementById("ns-page");
  if (!el) throw new Error("#ns-page is missing: the page has no client script data");
  page = JSON.parse(el.textContent ?? "{}") as PageJson;
  page.fields ??= {};
  return page;
}

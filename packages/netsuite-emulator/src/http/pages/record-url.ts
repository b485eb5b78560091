/** Record page URLs as NetSuite's: customers at custjob.nl, custom records at custrecordentry.nl with `rectype`. */

export const CUSTOMER_PAGE = "/app/common/entity/custjob.nl";
export const CUSTOM_RECORD_PAGE = "/app/common/custom/custrecordentry.nl";
export const CUSTOMER_LIST = "/app/common/entity/custjoblist.nl";
export const CUSTOM_RECORD_LIST = "/app/common/custom/custrecordentrylist.nl";

export function recordUrl(type: string, id: number | string | null, edit = false): string {
  const t = type.toLowerCase();
  const params = new URLSearchParams();
  if (t !== "customer") params.set("rectype", t);
  if (id !== null && id !== "") params.set("id", String(id));
  if (edit) params.set("e", "T");
  const q = params.toString();
  return `${t === "customer" ? CUSTOMER_PAGE : CUSTOM_RECORD_PAGE}${q ? `?${q}` : ""}`;
}

export function listUrl(type: string): string {
  const t = type.toLowerCase();
  return t === "customer" ? CUSTOMER_LIST : `${CUSTOM_RECORD_LIST}?rectype=${encodeURIComponent(t)}`;
}

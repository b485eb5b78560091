/** Matches a request path against the contract's path templates. */
import { type OperationSpec, operations } from "./contract.js";

export interface OperationMatch {
  operation: OperationSpec;
  pathParams: Record<string, string>;
}

/** Per-segment match; null when the template does not fit. Template params match one non-empty segment. */
function matchTemplate(template: string, path: string): Record<string, string> | null {
  const want = template.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = got[i] ?? "";
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      if (part !== actual) return null;
    } else {
      if (actual === "") return null;
      params[name] = safeDecode(actual);
    }
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Literal segments count: `/v1/customers/search` beats `/v1/customers/{customer}`. */
function literalSegments(template: string): number {
  return template.split("/").filter((part) => !part.startsWith("{")).length;
}

/** The operation for `method` and `path` (no query string), preferring the most literal template. */
export function findOperation(method: string, path: string): OperationMatch | undefined {
  const verb = method.toUpperCase();
  let best: OperationMatch | undefined;
  for (const operation of operations) {
    if (operation.method !== verb) continue;
    const pathParams = matchTemplate(operation.path, path);
    if (pathParams === null) continue;
    if (!best || literalSegments(operation.path) > literalSegments(best.operation.path)) {
      best = { operation, pathParams };
    }
  }
  return best;
}

/**
 * The column-label grammar: in a mapped saved search, each column's custom label names the Stripe
 * customer field it fills (`email`, `address.city`, `shipping.address.line1`, `metadata.region`, ...).
 * Parsing the labels is the configuration check of a saved search, so every problem is reported at
 * once and names the column by its name, join and position.
 */
import { fail, ok, type Result, type SyncIssue } from "./result.js";
import { NETSUITE_CUSTOMER_ID_KEY, NETSUITE_SUBSIDIARY_KEY } from "./stripe-metadata.js";

/** A part of a Stripe address. */
export type AddressPart = "line1" | "line2" | "city" | "state" | "postal_code" | "country";

/** A top-level Stripe customer field a column can fill on its own. */
export type SimpleField = "email" | "name" | "phone" | "description" | "preferred_locales" | "tax_exempt";

/** The Stripe customer field one column fills. */
export type LabelTarget =
  | { kind: "field"; field: SimpleField }
  | { kind: "address"; part: AddressPart }
  | { kind: "shipping"; field: "name" | "phone" }
  | { kind: "shippingAddress"; part: AddressPart }
  | { kind: "metadata"; key: string };

/** A saved-search column as core sees it: its field name, optional join and custom label. */
export interface ColumnRef {
  name: string;
  join?: string;
  label?: string;
}

/** One mapped column: where it is in the search, and what it fills. */
export interface PlannedColumn {
  /** 0-based position in the search's columns (messages say 1-based). */
  index: number;
  /** The label as the user typed it, trimmed. */
  label: string;
  target: LabelTarget;
}

/** Every column of a mapped saved search with the Stripe field it fills, in column order. */
export interface ColumnPlan {
  columns: PlannedColumn[];
}

/** Options for `parseColumnLabels`. */
export interface LabelOptions {
  /** The configured sync field: when it is not `email` the sync writes its value to this metadata key. */
  syncField?: string;
}

/** Stripe's metadata limits (https://docs.stripe.com/api/metadata). */
export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 40, maxValueLength: 500 } as const;

/** Metadata keys the sync always writes itself; a column may not fill them. */
export const RESERVED_METADATA_KEYS: readonly string[] = [NETSUITE_CUSTOMER_ID_KEY, NETSUITE_SUBSIDIARY_KEY];

export const ADDRESS_PARTS: readonly AddressPart[] = [
  "line1",
  "line2",
  "city",
  "state",
  "postal_code",
  "country",
];
export const SIMPLE_FIELDS: readonly SimpleField[] = [
  "email",
  "name",
  "phone",
  "description",
  "preferred_locales",
  "tax_exempt",
];

/** Every label the grammar accepts, `metadata.<key>` standing for any metadata key. */
export const KNOWN_LABELS: readonly string[] = [
  ...SIMPLE_FIELDS,
  ...ADDRESS_PARTS.map((p) => `address.${p}`),
  "shipping.name",
  "shipping.phone",
  ...ADDRESS_PARTS.map((p) => `shipping.address.${p}`),
  "metadata.<key>",
];

/** The canonical label of a target, e.g. `shipping.address.city`: also the key for duplicate checks. */
export function targetLabel(target: LabelTarget): string {
  switch (target.kind) {
    case "field":
      return target.field;
    case "address":
      return `address.${target.part}`;
    case "shipping":
      return `shipping.${target.field}`;
    case "shippingAddress":
      return `shipping.address.${target.part}`;
    case "metadata":
      return `metadata.${target.key}`;
  }
}

/** `column 3 (billingAddress.city)`: how messages name a column, 1-based like NetSuite's UI. */
export function describeColumn(column: ColumnRef, index: number): string {
  const where = column.join ? `${column.join}.${column.name}` : column.name;
  return `column ${index + 1} (${where})`;
}

function isAddressPart(text: string): text is AddressPart {
  return (ADDRESS_PARTS as readonly string[]).includes(text);
}

function isSimpleField(text: string): text is SimpleField {
  return (SIMPLE_FIELDS as readonly string[]).includes(text);
}

/**
 * The target a label names, or `undefined`. Field names are matched case-insensitively (users type
 * `Email`); a metadata key keeps its case because Stripe's keys are case-sensitive.
 */
export function parseLabel(label: string): LabelTarget | undefined {
  const text = label.trim();
  const lower = text.toLowerCase();
  if (lower.startsWith("metadata.")) {
    const key = text.slice("metadata.".length).trim();
    return key === "" ? undefined : { kind: "metadata", key };
  }
  if (isSimpleField(lower)) return { kind: "field", field: lower };
  const parts = lower.split(".");
  if (parts.length === 2 && parts[0] === "address" && isAddressPart(parts[1] ?? "")) {
    return { kind: "address", part: parts[1] as AddressPart };
  }
  if (parts.length === 2 && parts[0] === "shipping" && (parts[1] === "name" || parts[1] === "phone")) {
    return { kind: "shipping", field: parts[1] };
  }
  if (
    parts.length === 3 &&
    parts[0] === "shipping" &&
    parts[1] === "address" &&
    isAddressPart(parts[2] ?? "")
  ) {
    return { kind: "shippingAddress", part: parts[2] as AddressPart };
  }
  return undefined;
}

/** Why a metadata key cannot be used, or `undefined` when Stripe accepts it. */
export function metadataKeyProblem(key: string): string | undefined {
  if (key.length > METADATA_LIMITS.maxKeyLength) {
    return `is ${key.length} characters long; Stripe allows ${METADATA_LIMITS.maxKeyLength}`;
  }
  if (/[[\]]/.test(key)) return "contains a square bracket, which Stripe does not allow in metadata keys";
  return undefined;
}

/**
 * Reads the custom labels of a mapped saved search's columns. A column without a label, an unknown
 * label, an unusable metadata key, a target filled twice or an incomplete shipping block is an error.
 */
export function parseColumnLabels(
  columns: readonly ColumnRef[],
  options: LabelOptions = {},
): Result<ColumnPlan> {
  const errors: SyncIssue[] = [];
  const planned: PlannedColumn[] = [];
  const seen = new Map<string, number>();
  const syncKey = syncMetadataKey(options.syncField);

  columns.forEach((column, index) => {
    const where = describeColumn(column, index);
    const label = (column.label ?? "").trim();
    if (label === "") {
      errors.push({
        code: "MAPPING_MISSING_LABEL",
        message: `The saved search's ${where} has no custom label, so it fills no Stripe field.`,
        fix: `Give the column a custom label naming the Stripe field it fills (${KNOWN_LABELS.join(", ")}), or remove it.`,
        field: where,
      });
      return;
    }
    const target = parseLabel(label);
    if (target === undefined) {
      errors.push({
        code: "MAPPING_UNKNOWN_LABEL",
        message: `The saved search's ${where} is labelled "${label}", which names no Stripe customer field.`,
        fix: `Change the label to one of: ${KNOWN_LABELS.join(", ")}.`,
        field: where,
      });
      return;
    }
    if (target.kind === "metadata") {
      const problem = metadataKeyProblem(target.key);
      if (problem !== undefined) {
        errors.push({
          code: "MAPPING_INVALID_METADATA_KEY",
          message: `The saved search's ${where} is labelled "${label}": the metadata key "${target.key}" ${problem}.`,
          fix: "Label the column metadata.<key> with a key of at most 40 characters and no square brackets.",
          field: where,
        });
        return;
      }
      if (RESERVED_METADATA_KEYS.includes(target.key) || target.key === syncKey) {
        errors.push({
          code: "MAPPING_RESERVED_METADATA_KEY",
          message: `The saved search's ${where} is labelled "${label}", but the sync writes metadata "${target.key}" itself.`,
          fix: "Use another metadata key for this column, or remove it.",
          field: where,
        });
        return;
      }
    }
    const canonical = targetLabel(target);
    const first = seen.get(canonical);
    if (first !== undefined) {
      errors.push({
        code: "MAPPING_DUPLICATE_TARGET",
        message: `The saved search's ${where} fills ${canonical}, which ${describeColumn(columns[first] ?? column, first)} already fills.`,
        fix: "Keep one column per Stripe field: remove or relabel one of them.",
        field: where,
      });
      return;
    }
    seen.set(canonical, index);
    planned.push({ index, label, target });
  });

  errors.push(...shippingPlanIssues(planned), ...metadataCountIssues(planned, syncKey));
  return errors.length > 0 ? fail(...errors) : ok({ columns: planned });
}

/** The metadata key the sync field is written to, or `undefined` when it is `email` (no metadata). */
export function syncMetadataKey(syncField: string | undefined): string | undefined {
  if (syncField === undefined) return undefined;
  const field = syncField.trim().toLowerCase();
  return field === "" || field === "email" ? undefined : field;
}

// Stripe requires shipping.name and shipping.address together: a plan that can never send both is a
// configuration error, caught before any customer is synced.
function shippingPlanIssues(planned: readonly PlannedColumn[]): SyncIssue[] {
  const shipping = planned.filter((c) => c.target.kind === "shipping" || c.target.kind === "shippingAddress");
  if (shipping.length === 0) return [];
  const hasName = shipping.some((c) => c.target.kind === "shipping" && c.target.field === "name");
  const hasAddress = shipping.some((c) => c.target.kind === "shippingAddress");
  if (hasName && hasAddress) return [];
  const missing = hasName ? "no shipping.address.<part> column" : "no shipping.name column";
  return [
    {
      code: "MAPPING_SHIPPING_INCOMPLETE",
      message: `The saved search maps shipping fields but has ${missing}; Stripe needs a shipping name and address together.`,
      fix: "Add a column labelled shipping.name and at least one labelled shipping.address.<part>, or remove the shipping columns.",
      field: hasName ? "shipping.address" : "shipping.name",
    },
  ];
}

function metadataCountIssues(planned: readonly PlannedColumn[], syncKey: string | undefined): SyncIssue[] {
  const mapped = planned.filter((c) => c.target.kind === "metadata").length;
  const total = mapped + RESERVED_METADATA_KEYS.length + (syncKey === undefined ? 0 : 1);
  if (total <= METADATA_LIMITS.maxKeys) return [];
  return [
    {
      code: "MAPPING_TOO_MANY_METADATA_KEYS",
      message: `The saved search maps ${mapped} metadata keys; with the ${total - mapped} the sync writes itself that is ${total}, over Stripe's ${METADATA_LIMITS.maxKeys}.`,
      fix: `Remove metadata columns until at most ${METADATA_LIMITS.maxKeys - (total - mapped)} remain.`,
      field: "metadata",
    },
  ];
}

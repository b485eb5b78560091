/**
 * Version 1 of the webhook envelope: the small JSON the proxy forwards to NetSuite in place of a
 * whole Stripe event. NetSuite parses it from an endpoint anyone can call, so `parseEnvelope`
 * accepts exactly this shape and nothing else; `buildEnvelope` checks its output the same way, so
 * whatever the proxy sends, NetSuite accepts.
 */
import { clip, hasOwn, isRecord, notFromProxy } from "./hostile-input.js";
import { fail, ok, type Result, type SyncIssue } from "./result.js";
import { NETSUITE_CUSTOMER_ID_KEY, NETSUITE_SUBSIDIARY_KEY } from "./stripe-metadata.js";

/** The Stripe events the envelope carries. */
export const ENVELOPE_EVENT_TYPES = ["customer.created", "customer.updated", "customer.deleted"] as const;

/** One of the Stripe event types the envelope carries. */
export type EnvelopeEventType = (typeof ENVELOPE_EVENT_TYPES)[number];

/** The customer as the event saw it; NetSuite refetches before applying it (events arrive late and out of order). */
export interface EnvelopeCustomer {
  id: string;
  email: string | null;
  name: string | null;
  /** `invoice_settings.default_payment_method`, as an ID even when the event had it expanded. */
  defaultPaymentMethodId: string | null;
  /** Metadata `netsuite_customer_id`: the NetSuite customer this Stripe customer belongs to. */
  netsuiteCustomerId: string | null;
  /** Metadata `netsuite_subsidiary`: the NetSuite subsidiary it serves. */
  netsuiteSubsidiary: string | null;
}

/** The forwarded event. */
export interface Envelope {
  v: 1;
  eventId: string;
  type: EnvelopeEventType;
  /** Event creation time, Unix seconds. */
  created: number;
  livemode: boolean;
  /** The Stripe account record the endpoint belongs to, as the proxy knows it. */
  accountId: string;
  apiVersion: string | null;
  customer: EnvelopeCustomer;
  /** True when the event changed the default payment method (`previous_attributes` names it). */
  defaultPaymentMethodChanged: boolean;
}

/** Longest envelope text `parseEnvelope` reads: twice the largest legitimate one, far below hostile sizes. */
export const MAX_ENVELOPE_CHARS = 32_768;

type Check = (value: unknown) => string | undefined;

const text =
  (max: number, nullable = false): Check =>
  (value) => {
    if (value === null && nullable) return undefined;
    if (typeof value !== "string") return nullable ? "must be a string or null" : "must be a string";
    if (value.length === 0 || value.length > max) return `must have 1 to ${max} characters`;
    return undefined;
  };
const bool: Check = (value) => (typeof value === "boolean" ? undefined : "must be true or false");

const CUSTOMER_FIELDS: Record<keyof EnvelopeCustomer, Check> = {
  id: text(255),
  email: text(512, true),
  name: text(512, true),
  defaultPaymentMethodId: text(255, true),
  netsuiteCustomerId: text(500, true),
  netsuiteSubsidiary: text(500, true),
};

const ENVELOPE_FIELDS: Record<keyof Envelope, Check> = {
  v: (value) => (value === 1 ? undefined : "must be 1"),
  eventId: text(255),
  type: (value) =>
    ENVELOPE_EVENT_TYPES.some((t) => t === value)
      ? undefined
      : `must be one of ${ENVELOPE_EVENT_TYPES.join(", ")}`,
  created: (value) =>
    typeof value === "number" && Number.isSafeInteger(value) && value >= 0
      ? undefined
      : "must be a whole number of seconds",
  livemode: bool,
  accountId: text(255),
  apiVersion: text(64, true),
  customer: (value) => {
    const problems = shapeProblems(value, CUSTOMER_FIELDS, "customer");
    return problems.length > 0 ? problems.join("; ") : undefined;
  },
  defaultPaymentMethodChanged: bool,
};

/** Makes the envelope for a verified Stripe event; other event types give `EVENT_IGNORED`. */
export function buildEnvelope(event: unknown, options: { accountId: string }): Result<Envelope> {
  if (!isRecord(event) || typeof event.type !== "string") {
    return fail(malformedEvent("The webhook body is not a Stripe event (no object with a type)."));
  }
  const eventId = typeof event.id === "string" ? event.id : "(no id)";
  const type = event.type;
  if (!ENVELOPE_EVENT_TYPES.some((t) => t === type)) {
    return fail({
      code: "EVENT_IGNORED",
      message: `Stripe event ${eventId} of type ${type} is not a customer event this sync handles; it is ignored.`,
      fix: "Nothing to do. To stop receiving it, remove it from the webhook endpoint's enabled events in Stripe.",
      record: `Stripe event ${eventId}`,
    });
  }
  const data = isRecord(event.data) ? event.data : {};
  const customer = isRecord(data.object) ? data.object : {};
  const metadata = isRecord(customer.metadata) ? customer.metadata : {};
  const invoiceSettings = isRecord(customer.invoice_settings) ? customer.invoice_settings : {};
  const previous = isRecord(data.previous_attributes) ? data.previous_attributes : {};
  const previousInvoiceSettings = isRecord(previous.invoice_settings) ? previous.invoice_settings : {};

  const candidate = {
    v: 1,
    eventId: event.id,
    type,
    created: event.created,
    livemode: event.livemode,
    accountId: options.accountId,
    apiVersion: blankToNull(event.api_version),
    customer: {
      id: customer.id,
      email: blankToNull(customer.email),
      name: blankToNull(customer.name),
      defaultPaymentMethodId: idOf(invoiceSettings.default_payment_method),
      netsuiteCustomerId: blankToNull(metadata[NETSUITE_CUSTOMER_ID_KEY]),
      netsuiteSubsidiary: blankToNull(metadata[NETSUITE_SUBSIDIARY_KEY]),
    },
    defaultPaymentMethodChanged: hasOwn(previousInvoiceSettings, "default_payment_method"),
  };
  const problems = shapeProblems(candidate, ENVELOPE_FIELDS, "envelope");
  if (problems.length > 0) {
    return fail(malformedEvent(`Stripe event ${eventId} cannot be forwarded: ${problems.join("; ")}.`));
  }
  return ok(candidate as Envelope);
}

/**
 * Whether the event can change the default payment method NetSuite shows: a new customer that has one,
 * an update that names it among the changed attributes, a deleted customer (its fields are cleared).
 * Anything else (a new name, every customer the sync itself creates) leaves NetSuite as it is.
 */
export function changesDefaultPaymentMethod(envelope: Envelope): boolean {
  if (envelope.type === "customer.created") return envelope.customer.defaultPaymentMethodId !== null;
  if (envelope.type === "customer.updated") return envelope.defaultPaymentMethodChanged;
  return true;
}

/** Reads an envelope from untrusted text: anything but exactly a version 1 envelope is refused. */
export function parseEnvelope(input: string): Result<Envelope> {
  if (input.length > MAX_ENVELOPE_CHARS) {
    return fail(
      notFromProxy(
        "ENVELOPE_TOO_LARGE",
        `The envelope has ${input.length} characters, over ${MAX_ENVELOPE_CHARS}.`,
      ),
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch {
    return fail(notFromProxy("ENVELOPE_NOT_JSON", "The envelope is not JSON."));
  }
  if (isRecord(value) && "v" in value && value.v !== 1) {
    const version = clip(JSON.stringify(value.v));
    return fail(
      notFromProxy(
        "ENVELOPE_WRONG_VERSION",
        `The envelope has version ${version}; this SuiteApp reads version 1.`,
      ),
    );
  }
  const problems = shapeProblems(value, ENVELOPE_FIELDS, "envelope");
  if (problems.length > 0) {
    return fail(notFromProxy("ENVELOPE_INVALID", `The envelope is malformed: ${problems.join("; ")}.`));
  }
  return ok(value as Envelope);
}

/** The envelope as JSON, keys in a fixed order. */
export function serializeEnvelope(envelope: Envelope): string {
  const c = envelope.customer;
  return JSON.stringify({
    v: envelope.v,
    eventId: envelope.eventId,
    type: envelope.type,
    created: envelope.created,
    livemode: envelope.livemode,
    accountId: envelope.accountId,
    apiVersion: envelope.apiVersion,
    customer: {
      id: c.id,
      email: c.email,
      name: c.name,
      defaultPaymentMethodId: c.defaultPaymentMethodId,
      netsuiteCustomerId: c.netsuiteCustomerId,
      netsuiteSubsidiary: c.netsuiteSubsidiary,
    },
    defaultPaymentMethodChanged: envelope.defaultPaymentMethodChanged,
  });
}

/** Problems with `value` against `fields`: every field present and valid, nothing else. */
function shapeProblems(value: unknown, fields: Record<string, Check>, path: string): string[] {
  if (!isRecord(value) || Array.isArray(value)) return [`${path} must be an object`];
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (!hasOwn(fields, key)) {
      problems.push(`${path} has unknown field ${clip(JSON.stringify(key))}`);
    }
  }
  for (const [key, check] of Object.entries(fields)) {
    if (!hasOwn(value, key)) {
      problems.push(`${path}.${key} is missing`);
      continue;
    }
    const problem = check(value[key]);
    if (problem !== undefined) problems.push(key === "customer" ? problem : `${path}.${key} ${problem}`);
  }
  return problems;
}

/** A payment method reference: its ID, or the ID of the expanded object. */
function idOf(value: unknown): unknown {
  if (isRecord(value)) return value.id;
  return value ?? null;
}

/** Absent, null and '' all mean "none" (Stripe stores '' for an unset metadata value). */
function blankToNull(value: unknown): unknown {
  return value === undefined || value === "" ? null : value;
}

function malformedEvent(message: string): SyncIssue {
  return {
    code: "EVENT_MALFORMED",
    message,
    fix: "Check that the webhook endpoint sends Stripe customer events with a supported API version.",
  };
}

/**
 * The committed contract (contract/stripe-2023-08-16.json, written by scripts/extract.ts), loaded
 * relative to this module so it works from src/ (tests) and dist/ (after `tsc -b`).
 */
import { readFileSync } from "node:fs";
import type { Schema, SchemaMap } from "./schema.js";

export interface ParamSpec {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface OperationSpec {
  method: string;
  /** Path template, e.g. `/v1/customers/{customer}`. */
  path: string;
  operationId: string;
  pathParams: ParamSpec[];
  /** Query parameters (GET). */
  queryParams: ParamSpec[];
  /** Form-body parameters (POST, DELETE). */
  bodyParams: ParamSpec[];
  /** Schema of the 200 response. */
  response: Schema;
}

interface ContractFile {
  source: { repository: string; file: string; fixtures: string };
  apiVersion: string;
  license: string;
  sha256: string;
  pruning: string;
  fixtureNotes: string[];
  operations: OperationSpec[];
  schemas: Record<string, Schema>;
  fixtures: Record<string, unknown>;
}

const file = JSON.parse(
  readFileSync(new URL("../contract/stripe-2023-08-16.json", import.meta.url), "utf8"),
) as ContractFile;

/** Where the contract came from and under which terms. */
export const contract = {
  apiVersion: file.apiVersion,
  source: file.source,
  license: file.license,
  sha256: file.sha256,
  pruning: file.pruning,
} as const;

export const operations: readonly OperationSpec[] = file.operations;
export const schemas: SchemaMap = file.schemas;

/** Names of the schemas `validateResponse` knows. */
export function schemaNames(): string[] {
  return Object.keys(file.schemas);
}

/** Names of the kept fixtures (Stripe resource names such as `customer`, `billing_portal.session`). */
export function fixtureNames(): string[] {
  return Object.keys(file.fixtures);
}

/** A deep copy of Stripe's example object for a schema, or undefined when none was kept. */
export function fixture(schemaName: string): Record<string, unknown> | undefined {
  const value = file.fixtures[schemaName];
  return value === undefined ? undefined : (structuredClone(value) as Record<string, unknown>);
}

/**
 * The features an account has enabled (Setup > Company > Enable Features), named as SDF manifests
 * (`<feature>`) and `runtime.isFeatureInEffect` name them. The emulated account is OneWorld by
 * default; an account opened without SUBSIDIARIES has no subsidiary record, no customer `subsidiary`
 * field and no `msesubsidiary` join ("Without OneWorld there are no subsidiaries", shared reference;
 * Oracle: "Subsidiaries" is a OneWorld feature, "Multi-Subsidiary Customer" needs OneWorld).
 */

/** A OneWorld account with custom records, server SuiteScript and multi-subsidiary customers. */
export const DEFAULT_FEATURES: readonly string[] = [
  "ADVANCEDPRINTING",
  "CUSTOMRECORDS",
  "MULTICURRENCY",
  "MULTISUBSIDIARYCUSTOMER",
  "SERVERSIDESCRIPTING",
  "SUBSIDIARIES",
];

/** What a feature needs in turn: Multi-Subsidiary Customer is offered only in OneWorld accounts. */
const NEEDS: Readonly<Record<string, string>> = { MULTISUBSIDIARYCUSTOMER: "SUBSIDIARIES" };

export class Features {
  private readonly enabled: ReadonlySet<string>;

  constructor(names: readonly string[] = DEFAULT_FEATURES) {
    const set = new Set(names.map((n) => n.toUpperCase()));
    for (const [feature, needs] of Object.entries(NEEDS)) {
      if (set.has(feature) && !set.has(needs)) {
        throw new Error(`Feature ${feature} needs ${needs}: enable both, or neither.`);
      }
    }
    this.enabled = set;
  }

  has(name: string): boolean {
    return this.enabled.has(name.toUpperCase());
  }

  get oneWorld(): boolean {
    return this.has("SUBSIDIARIES");
  }

  list(): string[] {
    return [...this.enabled].sort();
  }
}

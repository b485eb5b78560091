/**
 * Country fields hold the ISO 3166-1 alpha-2 code as value and the English name as text, as customer
 * search's billcountry/shipcountry do. A code missing from this short list is its own text.
 */
const COUNTRIES: Record<string, string> = {
  AR: "Argentina",
  AT: "Austria",
  AU: "Australia",
  BE: "Belgium",
  BR: "Brazil",
  CA: "Canada",
  CH: "Switzerland",
  CL: "Chile",
  CN: "China",
  CO: "Colombia",
  CZ: "Czech Republic",
  DE: "Germany",
  DK: "Denmark",
  ES: "Spain",
  FI: "Finland",
  FR: "France",
  GB: "United Kingdom",
  GR: "Greece",
  HK: "Hong Kong",
  IE: "Ireland",
  IL: "Israel",
  IN: "India",
  IT: "Italy",
  JP: "Japan",
  KR: "Korea, Republic of",
  LU: "Luxembourg",
  MX: "Mexico",
  NL: "Netherlands",
  NO: "Norway",
  NZ: "New Zealand",
  PL: "Poland",
  PT: "Portugal",
  SE: "Sweden",
  SG: "Singapore",
  TR: "Turkey",
  US: "United States",
  ZA: "South Africa",
};

/** Every known country, as select options (value: code, text: name), by name. */
export function countryOptions(): { value: string; text: string }[] {
  return Object.entries(COUNTRIES)
    .map(([value, text]) => ({ value, text }))
    .sort((a, b) => a.text.localeCompare(b.text));
}

export function countryName(code: string): string {
  return COUNTRIES[code.toUpperCase()] ?? code;
}

/** The code for a country's name (or a code given as is); undefined when unknown. */
export function countryCode(text: string): string | undefined {
  const upper = text.trim().toUpperCase();
  if (COUNTRIES[upper]) return upper;
  for (const [code, name] of Object.entries(COUNTRIES)) {
    if (name.toUpperCase() === upper) return code;
  }
  return undefined;
}

export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value);
}

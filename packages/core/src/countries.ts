/**
 * NetSuite country values to ISO 3166-1 alpha-2, the only form Stripe addresses take. A saved search
 * gives a country as the code (`US`), as the English name NetSuite shows (`United States`), or, from
 * older integrations, as NetSuite's enum (`_unitedStates`). Matching is exact against this table after
 * folding case and dropping everything but letters and digits, so `_unitedKingdomGB` meets
 * `United Kingdom (GB)` and `_koreaRepublicOf` meets `Korea, Republic of`; nothing is guessed.
 */
import { fail, ok, type Result } from "./result.js";

/**
 * Every officially assigned ISO 3166-1 alpha-2 code with its English names, `|`-separated: NetSuite's
 * name first where it differs from ISO's, then ISO's short name and common variants. NetSuite's names
 * come from its country list (the `Country` enum and its labels).
 */
export const ISO_COUNTRIES: Readonly<Record<string, string>> = {
  AD: "Andorra",
  AE: "United Arab Emirates|UAE",
  AF: "Afghanistan",
  AG: "Antigua and Barbuda",
  AI: "Anguilla",
  AL: "Albania",
  AM: "Armenia",
  AO: "Angola",
  AQ: "Antarctica",
  AR: "Argentina",
  AS: "American Samoa",
  AT: "Austria",
  AU: "Australia",
  AW: "Aruba",
  AX: "Aland Islands|Åland Islands",
  AZ: "Azerbaijan",
  BA: "Bosnia and Herzegovina",
  BB: "Barbados",
  BD: "Bangladesh",
  BE: "Belgium",
  BF: "Burkina Faso",
  BG: "Bulgaria",
  BH: "Bahrain",
  BI: "Burundi",
  BJ: "Benin",
  BL: "Saint Barthélemy|Saint Barthelemy",
  BM: "Bermuda",
  BN: "Brunei Darussalam|Brunei",
  BO: "Bolivia|Bolivia, Plurinational State of|Bolivia (Plurinational State of)",
  BQ: "Bonaire, Saint Eustatius and Saba|Bonaire, Sint Eustatius and Saba",
  BR: "Brazil",
  BS: "Bahamas|The Bahamas",
  BT: "Bhutan",
  BV: "Bouvet Island",
  BW: "Botswana",
  BY: "Belarus",
  BZ: "Belize",
  CA: "Canada",
  CC: "Cocos (Keeling) Islands|Cocos Islands",
  CD: "Congo, Democratic Republic of|Congo, Democratic Peoples Republic|Congo, The Democratic Republic of the|Democratic Republic of the Congo|DR Congo|Congo - Kinshasa",
  CF: "Central African Republic",
  CG: "Congo, Republic of|Congo|Republic of the Congo|Congo - Brazzaville",
  CH: "Switzerland",
  CI: "Cote d'Ivoire|Côte d'Ivoire|Ivory Coast",
  CK: "Cook Islands",
  CL: "Chile",
  CM: "Cameroon",
  CN: "China",
  CO: "Colombia",
  CR: "Costa Rica",
  CU: "Cuba",
  CV: "Cape Verde|Cabo Verde",
  CW: "Curaçao|Curacao",
  CX: "Christmas Island",
  CY: "Cyprus",
  CZ: "Czech Republic|Czechia",
  DE: "Germany",
  DJ: "Djibouti",
  DK: "Denmark",
  DM: "Dominica",
  DO: "Dominican Republic",
  DZ: "Algeria",
  EC: "Ecuador",
  EE: "Estonia",
  EG: "Egypt",
  EH: "Western Sahara",
  ER: "Eritrea",
  ES: "Spain",
  ET: "Ethiopia",
  FI: "Finland",
  FJ: "Fiji",
  FK: "Falkland Islands|Falkland Islands (Malvinas)",
  FM: "Micronesia, Federal State of|Micronesia, Federated States of|Micronesia",
  FO: "Faroe Islands",
  FR: "France",
  GA: "Gabon",
  GB: "United Kingdom (GB)|United Kingdom|United Kingdom of Great Britain and Northern Ireland|Great Britain|UK",
  GD: "Grenada",
  GE: "Georgia",
  GF: "French Guiana",
  GG: "Guernsey",
  GH: "Ghana",
  GI: "Gibraltar",
  GL: "Greenland",
  GM: "Gambia|The Gambia",
  GN: "Guinea",
  GP: "Guadeloupe",
  GQ: "Equatorial Guinea",
  GR: "Greece",
  GS: "South Georgia|South Georgia and the South Sandwich Islands",
  GT: "Guatemala",
  GU: "Guam",
  GW: "Guinea-Bissau",
  GY: "Guyana",
  HK: "Hong Kong",
  HM: "Heard and McDonald Islands|Heard Island and McDonald Islands",
  HN: "Honduras",
  HR: "Croatia/Hrvatska|Croatia",
  HT: "Haiti",
  HU: "Hungary",
  ID: "Indonesia",
  IE: "Ireland",
  IL: "Israel",
  IM: "Isle of Man",
  IN: "India",
  IO: "British Indian Ocean Territory",
  IQ: "Iraq",
  IR: "Iran (Islamic Republic of)|Iran, Islamic Republic of|Iran",
  IS: "Iceland",
  IT: "Italy",
  JE: "Jersey",
  JM: "Jamaica",
  JO: "Jordan",
  JP: "Japan",
  KE: "Kenya",
  KG: "Kyrgyzstan",
  KH: "Cambodia",
  KI: "Kiribati",
  KM: "Comoros",
  KN: "Saint Kitts and Nevis|St. Kitts and Nevis",
  KP: "Korea, Democratic People's Republic|Korea, Democratic People's Republic of|North Korea",
  KR: "Korea, Republic of|South Korea|Korea",
  KW: "Kuwait",
  KY: "Cayman Islands",
  KZ: "Kazakhstan",
  LA: "Lao People's Democratic Republic|Laos",
  LB: "Lebanon",
  LC: "Saint Lucia|St. Lucia",
  LI: "Liechtenstein",
  LK: "Sri Lanka",
  LR: "Liberia",
  LS: "Lesotho",
  LT: "Lithuania",
  LU: "Luxembourg",
  LV: "Latvia",
  LY: "Libya|Libyan Arab Jamahiriya",
  MA: "Morocco",
  MC: "Monaco",
  MD: "Moldova, Republic of|Moldova",
  ME: "Montenegro",
  MF: "Saint Martin|Saint Martin (French part)",
  MG: "Madagascar",
  MH: "Marshall Islands",
  MK: "Macedonia|North Macedonia|Macedonia, the former Yugoslav Republic of",
  ML: "Mali",
  MM: "Myanmar (Burma)|Myanmar|Burma",
  MN: "Mongolia",
  MO: "Macau|Macao",
  MP: "Northern Mariana Islands",
  MQ: "Martinique",
  MR: "Mauritania",
  MS: "Montserrat",
  MT: "Malta",
  MU: "Mauritius",
  MV: "Maldives",
  MW: "Malawi",
  MX: "Mexico",
  MY: "Malaysia",
  MZ: "Mozambique",
  NA: "Namibia",
  NC: "New Caledonia",
  NE: "Niger",
  NF: "Norfolk Island",
  NG: "Nigeria",
  NI: "Nicaragua",
  NL: "Netherlands|The Netherlands",
  NO: "Norway",
  NP: "Nepal",
  NR: "Nauru",
  NU: "Niue",
  NZ: "New Zealand",
  OM: "Oman",
  PA: "Panama",
  PE: "Peru",
  PF: "French Polynesia",
  PG: "Papua New Guinea",
  PH: "Philippines",
  PK: "Pakistan",
  PL: "Poland",
  PM: "St. Pierre and Miquelon|Saint Pierre and Miquelon",
  PN: "Pitcairn Island|Pitcairn|Pitcairn Islands",
  PR: "Puerto Rico",
  PS: "State of Palestine|Palestine, State of|Palestinian Territories|Palestine",
  PT: "Portugal",
  PW: "Palau",
  PY: "Paraguay",
  QA: "Qatar",
  RE: "Reunion Island|Réunion|Reunion",
  RO: "Romania",
  RS: "Serbia",
  RU: "Russian Federation|Russia",
  RW: "Rwanda",
  SA: "Saudi Arabia",
  SB: "Solomon Islands",
  SC: "Seychelles",
  SD: "Sudan",
  SE: "Sweden",
  SG: "Singapore",
  SH: "Saint Helena|Saint Helena, Ascension and Tristan da Cunha",
  SI: "Slovenia",
  SJ: "Svalbard and Jan Mayen Islands|Svalbard and Jan Mayen",
  SK: "Slovak Republic|Slovakia",
  SL: "Sierra Leone",
  SM: "San Marino",
  SN: "Senegal",
  SO: "Somalia",
  SR: "Suriname",
  SS: "South Sudan",
  ST: "Sao Tome and Principe|São Tomé and Príncipe",
  SV: "El Salvador",
  SX: "Sint Maarten|Sint Maarten (Dutch part)",
  SY: "Syrian Arab Republic|Syria",
  SZ: "Swaziland|Eswatini",
  TC: "Turks and Caicos Islands",
  TD: "Chad",
  TF: "French Southern Territories",
  TG: "Togo",
  TH: "Thailand",
  TJ: "Tajikistan",
  TK: "Tokelau",
  TL: "East Timor|Timor-Leste",
  TM: "Turkmenistan",
  TN: "Tunisia",
  TO: "Tonga",
  TR: "Turkey|Türkiye|Turkiye",
  TT: "Trinidad and Tobago",
  TV: "Tuvalu",
  TW: "Taiwan|Taiwan, Province of China",
  TZ: "Tanzania|Tanzania, United Republic of",
  UA: "Ukraine",
  UG: "Uganda",
  UM: "US Minor Outlying Islands|United States Minor Outlying Islands",
  US: "United States|United States of America|USA",
  UY: "Uruguay",
  UZ: "Uzbekistan",
  VA: "Holy See (City Vatican State)|Holy See|Vatican City|Vatican City State",
  VC: "Saint Vincent and the Grenadines|St. Vincent and the Grenadines",
  VE: "Venezuela|Venezuela, Bolivarian Republic of",
  VG: "Virgin Islands (British)|British Virgin Islands|Virgin Islands, British",
  VI: "Virgin Islands (USA)|Virgin Islands (U.S.)|Virgin Islands, U.S.|US Virgin Islands",
  VN: "Vietnam|Viet Nam",
  VU: "Vanuatu",
  WF: "Wallis and Futuna|Wallis and Futuna Islands",
  WS: "Samoa",
  YE: "Yemen",
  YT: "Mayotte",
  ZA: "South Africa",
  ZM: "Zambia",
  ZW: "Zimbabwe",
};

/**
 * Countries NetSuite lists that ISO has not assigned, under the codes Stripe and the EU use for them:
 * Kosovo (user-assigned `XK`), the Canary Islands and Ceuta and Melilla (reserved `IC`, `EA`).
 */
export const NETSUITE_EXTRA_COUNTRIES: Readonly<Record<string, string>> = {
  XK: "Kosovo",
  IC: "Canary Islands",
  EA: "Ceuta and Melilla",
};

/** Lower case, `&` as `and`, then letters and digits only: the form both names and enums fold to. */
function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");
}

function buildIndex(): Readonly<Record<string, string>> {
  const index: Record<string, string> = {};
  for (const table of [ISO_COUNTRIES, NETSUITE_EXTRA_COUNTRIES]) {
    for (const code of Object.keys(table)) {
      for (const name of (table[code] ?? "").split("|")) index[fold(name)] = code;
    }
  }
  return index;
}

// Built once at load from the constant tables above: a pure lookup, no state that changes.
const BY_NAME = buildIndex();

/**
 * The ISO code for a NetSuite country value (code, English name or `_enum`); `undefined` when unknown.
 * NetSuite's own extras (Kosovo, Canary Islands, Ceuta and Melilla) give `XK`, `IC`, `EA`.
 */
export function countryCode(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (ISO_COUNTRIES[code] !== undefined || NETSUITE_EXTRA_COUNTRIES[code] !== undefined) return code;
  }
  const folded = fold(trimmed);
  return folded === "" ? undefined : BY_NAME[folded];
}

/** `countryCode` as a Result whose error names the value and the column (or field) it came from. */
export function toCountryCode(value: string, column: string): Result<string> {
  const code = countryCode(value);
  if (code !== undefined) return ok(code);
  return fail({
    code: "UNKNOWN_COUNTRY",
    message: `${column} holds "${value}", which is not a country NetSuite or ISO 3166-1 knows.`,
    fix: "Choose a country from NetSuite's list, or give its two-letter ISO code (e.g. US, GB, DE).",
    field: column,
  });
}

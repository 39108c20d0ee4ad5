/**
 * Compares names the way people read them: "10.0.0.9" before "10.0.0.10". One shared collator,
 * because `localeCompare` with options builds a new one per call, which made sorting 10,000
 * rows take over a second.
 */
export const compareNatural = new Intl.Collator("en", { numeric: true }).compare;

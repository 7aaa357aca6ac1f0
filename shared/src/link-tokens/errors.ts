/**
 * Errors raised while normalising identifiers or deriving link tokens.
 *
 * Messages are fixed per code and never include the offending value: NHS
 * numbers, PNC ids, names, dates of birth and postcodes are personal data and
 * must not leak into logs, HTTP responses or dead-letter topics.
 */
export const LINK_TOKEN_ERROR_CODES = [
  'invalid_input',
  'invalid_nhs_number',
  'invalid_pnc_id',
  'invalid_name',
  'invalid_date_of_birth',
  'invalid_postcode',
  'weak_secret',
] as const;

export type LinkTokenErrorCode = (typeof LINK_TOKEN_ERROR_CODES)[number];

const DEFAULT_MESSAGES: Record<LinkTokenErrorCode, string> = {
  invalid_input: 'Identifier input is malformed',
  invalid_nhs_number: 'NHS number is not a valid 10-digit number with a correct check digit',
  invalid_pnc_id: 'PNC id is not in the form YY/NNNNNNNL with a correct check letter',
  invalid_name: 'Name is empty or contains unsupported characters after normalisation',
  invalid_date_of_birth: 'Date of birth must be a real date between 1900-01-01 and today, written YYYY-MM-DD, DD/MM/YYYY (day first) or D MMM YYYY',
  invalid_postcode: 'Postcode is not a valid UK postcode',
  weak_secret: 'Link-token secret must be a string of at least 32 characters',
};

export class LinkTokenError extends Error {
  readonly code: LinkTokenErrorCode;

  /** `detail` must describe the problem, never contain the value itself. */
  constructor(code: LinkTokenErrorCode, detail?: string) {
    super(detail === undefined ? DEFAULT_MESSAGES[code] : `${DEFAULT_MESSAGES[code]} (${detail})`);
    this.name = 'LinkTokenError';
    this.code = code;
  }
}

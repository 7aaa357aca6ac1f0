export { LinkTokenError, LINK_TOKEN_ERROR_CODES, type LinkTokenErrorCode } from './errors.js';
export {
  IdentifierInputSchema,
  PersonIdentifiersSchema,
  LinkToken,
  type IdentifierInput,
  type LinkTokenKind,
  type PersonIdentifiers,
} from './schema.js';
export { normaliseIdentifier, type NormaliseOptions } from './normalise.js';
export { linkToken, linkTokensFor } from './token.js';
export { normaliseName, NAME_PATTERN } from './names.js';
export { normaliseDateOfBirth, DATE_OF_BIRTH_FORMATS, DATE_OF_BIRTH_PATTERNS } from './dates.js';
export { isValidNhsNumber, NHS_NUMBER_PATTERN } from './nhsNumber.js';
export { pncCheckLetter, PNC_ID_PATTERN } from './pnc.js';
export { POSTCODE_PATTERN } from './postcode.js';

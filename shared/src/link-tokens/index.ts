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
export { normaliseName } from './names.js';
export { normaliseDateOfBirth, DATE_OF_BIRTH_FORMATS } from './dates.js';
export { isValidNhsNumber } from './nhsNumber.js';
export { pncCheckLetter } from './pnc.js';

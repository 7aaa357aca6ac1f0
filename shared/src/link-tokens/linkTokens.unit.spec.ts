import { createHmac } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import {
  IdentifierInputSchema,
  LinkToken,
  LinkTokenError,
  isValidNhsNumber,
  linkToken,
  linkTokensFor,
  normaliseIdentifier,
  type IdentifierInput,
} from './index.js';

const SECRET = 'test-partnership-secret-0123456789abcdef'; // 40 chars
const OTHER_SECRET = 'another-partnership-secret-0123456789xyz';
const NOW = new Date('2025-06-01T12:00:00Z');
const opts = { now: NOW };

const tok = (input: IdentifierInput, secret = SECRET) => linkToken(secret, input, opts);

/** Expects `fn` to throw a LinkTokenError with `code` whose message omits every `secretBits`. */
function expectLinkTokenError(fn: () => unknown, code: string, ...secretBits: string[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(LinkTokenError);
  const err = caught as LinkTokenError;
  expect(err.code).toBe(code);
  for (const bit of secretBits) {
    expect(err.message).not.toContain(bit);
    expect(err.message.replace(/[\s/-]/g, '')).not.toContain(bit.replace(/[\s/-]/g, ''));
  }
}

// Independent reference implementations used to build vectors.
function nhsCheck(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  return 11 - (sum % 11);
}
function pncLetter(yy: string, serial7: string): string {
  return 'ZABCDEFGHJKLMNPQRTUVWXY'.charAt(parseInt(yy + serial7, 10) % 23);
}

describe('vectors are self-consistent', () => {
  it('9434765919 is a valid NHS number and 400000008x has check 10', () => {
    expect(nhsCheck('943476591')).toBe(9);
    expect(nhsCheck('400000008')).toBe(10);
    expect(pncLetter('12', '0345678')).toBe('U');
  });
});

describe('known-answer vector', () => {
  it('pins normalisation and HMAC for nd', () => {
    const canonical = 'nd:siobhan|oneill smith|1985-03-14';
    const mac = createHmac('sha256', SECRET).update(canonical, 'utf8').digest('base64url');
    const input: IdentifierInput = { kind: 'nd', given: 'Siobhán', family: "O'Neill-Smith", dateOfBirth: '1985-03-14' };
    expect(normaliseIdentifier(input, opts)).toBe(canonical);
    expect(tok(input)).toBe(`lt1.nd.${mac}`);
  });

  it('pins the canonical form of every kind', () => {
    expect(normaliseIdentifier({ kind: 'nhs', nhsNumber: '943 476 5919' })).toBe('nhs:9434765919');
    expect(normaliseIdentifier({ kind: 'pnc', pncId: '12/345678u' })).toBe('pnc:12/0345678U');
    expect(normaliseIdentifier({ kind: 'dp', dateOfBirth: '1985-03-14', postcode: 'sw1a1aa' }, opts)).toBe(
      'dp:1985-03-14|SW1A 1AA',
    );
    const mac = createHmac('sha256', SECRET).update('nhs:9434765919').digest('base64url');
    expect(tok({ kind: 'nhs', nhsNumber: '9434765919' })).toBe(`lt1.nhs.${mac}`);
  });
});

describe('same person written differently → same token', () => {
  it('NHS number with spaces, hyphens or plain', () => {
    const a = tok({ kind: 'nhs', nhsNumber: '943 476 5919' });
    expect(tok({ kind: 'nhs', nhsNumber: '943-476-5919' })).toBe(a);
    expect(tok({ kind: 'nhs', nhsNumber: '9434765919' })).toBe(a);
    expect(tok({ kind: 'nhs', nhsNumber: ' 943 476-5919 ' })).toBe(a);
  });

  it('names with accents, case, apostrophe and hyphen variants', () => {
    const dob = '1985-03-14';
    const a = tok({ kind: 'nd', given: 'Siobhán', family: "O'Neill-Smith", dateOfBirth: dob });
    for (const [given, family] of [
      ['SIOBHAN', 'O’NEILL SMITH'],
      ['siobhan', 'oneill smith'],
      ['  Siobhan ', 'O.Neill - Smith'],
      ['SIOBHÁN', 'o‘neill‐smith'], // U+2018 and U+2010 hyphen
    ] as const) {
      expect(tok({ kind: 'nd', given, family, dateOfBirth: dob })).toBe(a);
    }
  });

  it('folds ß and undecomposable letters', () => {
    const dob = '1970-01-01';
    expect(tok({ kind: 'nd', given: 'Łukasz', family: 'Straße', dateOfBirth: dob })).toBe(
      tok({ kind: 'nd', given: 'LUKASZ', family: 'STRASSE', dateOfBirth: dob }),
    );
  });

  it('postcode case and spacing', () => {
    const a = tok({ kind: 'dp', dateOfBirth: '1985-03-14', postcode: 'SW1A 1AA' });
    for (const postcode of ['sw1a1aa', ' sw1a 1aa ', 'SW1A  1AA', 'Sw1A\t1aA']) {
      expect(tok({ kind: 'dp', dateOfBirth: '1985-03-14', postcode })).toBe(a);
    }
  });

  it('PNC id with 2- and 4-digit year, short serial and lower case', () => {
    const a = tok({ kind: 'pnc', pncId: '12/0345678U' });
    for (const pncId of ['2012/0345678U', '12/345678U', '2012/345678u', ' 12 / 0345678 U', '120345678U', '20120345678U']) {
      expect(tok({ kind: 'pnc', pncId })).toBe(a);
    }
  });
});

describe('different people or secrets → different tokens', () => {
  it('different identifiers differ', () => {
    const valid2 = '4010232137'; // nhsCheck('401023213') === 7
    expect(nhsCheck('401023213')).toBe(7);
    expect(isValidNhsNumber(valid2)).toBe(true);
    expect(tok({ kind: 'nhs', nhsNumber: '9434765919' })).not.toBe(tok({ kind: 'nhs', nhsNumber: valid2 }));
    expect(tok({ kind: 'nd', given: 'Siobhan', family: 'Smith', dateOfBirth: '1985-03-14' })).not.toBe(
      tok({ kind: 'nd', given: 'Siobhan', family: 'Smith', dateOfBirth: '1985-03-15' }),
    );
    // Given and family are not interchangeable.
    expect(tok({ kind: 'nd', given: 'James', family: 'Thomas', dateOfBirth: '1985-03-14' })).not.toBe(
      tok({ kind: 'nd', given: 'Thomas', family: 'James', dateOfBirth: '1985-03-14' }),
    );
    expect(tok({ kind: 'dp', dateOfBirth: '1985-03-14', postcode: 'SW1A 1AA' })).not.toBe(
      tok({ kind: 'dp', dateOfBirth: '1985-03-14', postcode: 'SW1A 2AA' }),
    );
  });

  it('different secrets differ', () => {
    const input: IdentifierInput = { kind: 'nhs', nhsNumber: '9434765919' };
    expect(tok(input, SECRET)).not.toBe(tok(input, OTHER_SECRET));
  });
});

describe('NHS numbers', () => {
  it('rejects a bad check digit without echoing the number', () => {
    expect(isValidNhsNumber('943 476 5918')).toBe(false);
    expectLinkTokenError(() => tok({ kind: 'nhs', nhsNumber: '943 476 5918' }), 'invalid_nhs_number', '9434765918');
  });

  it('rejects a number whose check digit computes to 10, whatever its last digit', () => {
    for (let d = 0; d <= 9; d++) {
      const n = `400000008${d}`;
      expect(isValidNhsNumber(n)).toBe(false);
      expectLinkTokenError(() => normaliseIdentifier({ kind: 'nhs', nhsNumber: n }), 'invalid_nhs_number', n);
    }
  });

  it('rejects wrong length, non-digits and placeholder numbers', () => {
    for (const n of ['943476591', '94347659190', '943476591X', '943.476.5919', '', '0000000000', '1111111111']) {
      expect(isValidNhsNumber(n)).toBe(false);
      expectLinkTokenError(() => normaliseIdentifier({ kind: 'nhs', nhsNumber: n }), 'invalid_nhs_number');
    }
  });
});

describe('PNC ids', () => {
  it('rejects a bad check letter without echoing the id', () => {
    expectLinkTokenError(() => tok({ kind: 'pnc', pncId: '12/0345678A' }), 'invalid_pnc_id', '12/0345678A', '0345678');
  });

  it('accepts ids whose check letter comes from the I/O/S-free alphabet', () => {
    const serial = '0000001';
    const letter = pncLetter('99', serial);
    expect(normaliseIdentifier({ kind: 'pnc', pncId: `99/${serial}${letter}` })).toBe(`pnc:99/${serial}${letter}`);
    // Remainder 0 maps to 'Z' (first character of the alphabet).
    const zeroSerial = '0023000'; // 23000 % 23 === 0
    expect(pncLetter('00', zeroSerial)).toBe('Z');
    expect(normaliseIdentifier({ kind: 'pnc', pncId: `00/${zeroSerial}Z` })).toBe(`pnc:00/${zeroSerial}Z`);
  });

  it('rejects malformed ids', () => {
    for (const pncId of ['123/0345678U', '12/03456789U', '12/0345678', '12-0345678U', '12345678U', '12/0345678UU']) {
      expectLinkTokenError(() => normaliseIdentifier({ kind: 'pnc', pncId }), 'invalid_pnc_id');
    }
  });
});

describe('dates of birth', () => {
  const nd = (dateOfBirth: string) => () =>
    normaliseIdentifier({ kind: 'nd', given: 'Ann', family: 'Lee', dateOfBirth }, opts);

  it('rejects impossible dates', () => {
    for (const d of ['2023-02-30', '2023-13-01', '2023-00-10', '2023-04-31', '2023-02-29']) {
      expectLinkTokenError(nd(d), 'invalid_date_of_birth', d);
    }
    expect(nd('2024-02-29')()).toBe('nd:ann|lee|2024-02-29');
  });

  it('rejects future dates relative to the injected now', () => {
    expectLinkTokenError(nd('2025-06-02'), 'invalid_date_of_birth', '2025-06-02');
    expect(nd('2025-06-01')()).toBe('nd:ann|lee|2025-06-01');
    // Default `now` is the real clock.
    expect(() =>
      normaliseIdentifier({ kind: 'dp', dateOfBirth: '2999-01-01', postcode: 'SW1A 1AA' }),
    ).toThrow(LinkTokenError);
  });

  it('rejects dates before 1900 and formats it does not accept', () => {
    for (const d of ['1899-12-31', '14/03/1899', '1985-3-14', '19850314', '1985/03/14', '']) {
      expectLinkTokenError(nd(d), 'invalid_date_of_birth');
    }
    expect(nd('1900-01-01')()).toBe('nd:ann|lee|1900-01-01');
  });
});

describe('names', () => {
  it('rejects names that are empty after normalisation', () => {
    for (const given of ['', '   ', "-'.", '’ ‐']) {
      expectLinkTokenError(
        () => normaliseIdentifier({ kind: 'nd', given, family: 'Lee', dateOfBirth: '1985-03-14' }, opts),
        'invalid_name',
      );
    }
  });

  it('rejects separators and digits that could make the canonical form ambiguous', () => {
    for (const family of ['Lee|1985-03-14', 'Lee2', 'Lee, Jr']) {
      expectLinkTokenError(
        () => normaliseIdentifier({ kind: 'nd', given: 'Ann', family, dateOfBirth: '1985-03-14' }, opts),
        'invalid_name',
        family,
      );
    }
  });
});

describe('postcodes', () => {
  it('accepts every outward-code shape', () => {
    for (const [raw, canonical] of [
      ['m11aa', 'M1 1AA'],
      ['M601NW', 'M60 1NW'],
      ['cr26xh', 'CR2 6XH'],
      ['DN551PT', 'DN55 1PT'],
      ['w1a1hq', 'W1A 1HQ'],
      ['EC1A1BB', 'EC1A 1BB'],
      ['gir 0aa', 'GIR 0AA'],
    ] as const) {
      expect(normaliseIdentifier({ kind: 'dp', dateOfBirth: '1985-03-14', postcode: raw }, opts)).toBe(
        `dp:1985-03-14|${canonical}`,
      );
    }
  });

  it('rejects bad postcodes without echoing them', () => {
    for (const postcode of ['SW1A', '1AA SW1A', 'SW1A 1A', 'SW1A 11A', 'ABCD 1AA', 'SW1A-1AA', '']) {
      expectLinkTokenError(
        () => normaliseIdentifier({ kind: 'dp', dateOfBirth: '1985-03-14', postcode }, opts),
        'invalid_postcode',
        ...(postcode.length > 3 ? [postcode] : []),
      );
    }
  });
});

describe('secrets, schema and input validation', () => {
  it('rejects weak secrets', () => {
    const input: IdentifierInput = { kind: 'nhs', nhsNumber: '9434765919' };
    for (const secret of ['', 'short', 'x'.repeat(31)]) {
      expectLinkTokenError(() => linkToken(secret, input), 'weak_secret');
      expectLinkTokenError(() => linkTokensFor(secret, {}), 'weak_secret');
    }
    expect(() => linkToken('x'.repeat(32), input)).not.toThrow();
  });

  it('tokens match the LinkToken schema and do not contain the identifier', () => {
    const t = tok({ kind: 'nhs', nhsNumber: '943 476 5919' });
    expect(LinkToken.safeParse(t).success).toBe(true);
    expect(t).toMatch(/^lt1\.nhs\.[A-Za-z0-9_-]{43}$/);
    expect(t).not.toContain('9434765919');
    expect(LinkToken.safeParse('lt1.nhs.short').success).toBe(false);
    expect(LinkToken.safeParse(`lt2.nhs.${'A'.repeat(43)}`).success).toBe(false);
    expect(LinkToken.safeParse(`lt1.xyz.${'A'.repeat(43)}`).success).toBe(false);
  });

  it('IdentifierInputSchema discriminates on kind', () => {
    expect(IdentifierInputSchema.safeParse({ kind: 'nhs', nhsNumber: '9434765919' }).success).toBe(true);
    expect(IdentifierInputSchema.safeParse({ kind: 'nhs', pncId: '12/0345678U' }).success).toBe(false);
    expect(IdentifierInputSchema.safeParse({ kind: 'passport', number: '1' }).success).toBe(false);
  });

  it('malformed runtime input is a LinkTokenError that names fields, not values', () => {
    const bogus = { kind: 'nhs', nhsNumber: 9434765919 } as unknown as IdentifierInput;
    expectLinkTokenError(() => normaliseIdentifier(bogus), 'invalid_input', '9434765919');
  });
});

describe('linkTokensFor', () => {
  const person = {
    nhsNumber: '943 476 5919',
    pncId: '2012/345678U',
    given: 'Siobhán',
    family: "O'Neill-Smith",
    dateOfBirth: '1985-03-14',
    postcode: 'sw1a 1aa',
  };

  it('derives every token in the order nhs, pnc, nd, dp', () => {
    const tokens = linkTokensFor(SECRET, person, opts);
    expect(tokens).toEqual([
      tok({ kind: 'nhs', nhsNumber: '9434765919' }),
      tok({ kind: 'pnc', pncId: '12/0345678U' }),
      tok({ kind: 'nd', given: 'siobhan', family: 'oneill smith', dateOfBirth: '1985-03-14' }),
      tok({ kind: 'dp', dateOfBirth: '1985-03-14', postcode: 'SW1A 1AA' }),
    ]);
    expect(new Set(tokens).size).toBe(4);
    for (const t of tokens) expect(LinkToken.safeParse(t).success).toBe(true);
  });

  it('derives only what is known; blank fields count as unknown', () => {
    expect(linkTokensFor(SECRET, {}, opts)).toEqual([]);
    expect(linkTokensFor(SECRET, { given: 'Ann', family: 'Lee' }, opts)).toEqual([]);
    expect(linkTokensFor(SECRET, { nhsNumber: '  ', dateOfBirth: '1985-03-14', postcode: 'M1 1AA' }, opts)).toEqual([
      tok({ kind: 'dp', dateOfBirth: '1985-03-14', postcode: 'M1 1AA' }),
    ]);
    expect(linkTokensFor(SECRET, { ...person, pncId: undefined, postcode: undefined }, opts).map((t) => t.split('.')[1])).toEqual([
      'nhs',
      'nd',
    ]);
  });

  it('throws on a supplied but invalid identifier rather than dropping it', () => {
    expectLinkTokenError(
      () => linkTokensFor(SECRET, { ...person, nhsNumber: '943 476 5918' }, opts),
      'invalid_nhs_number',
      '9434765918',
    );
  });

  it('is stable across spellings of the same person', () => {
    const again = linkTokensFor(
      SECRET,
      {
        nhsNumber: '9434765919',
        pncId: '12/0345678u',
        given: 'SIOBHAN',
        family: 'O’NEILL SMITH',
        dateOfBirth: '1985-03-14',
        postcode: 'SW1A1AA',
      },
      opts,
    );
    expect(again).toEqual(linkTokensFor(SECRET, person, opts));
  });
});

import { describe, expect, it } from 'vitest';
import { createEvent, type EventOfType } from '@convene/shared/contracts';
import { linkToken } from '@convene/shared/link-tokens';
import { listReferral, type CommandDeps } from './commands.js';
import { areasOf, DEFAULT_AREAS } from '../domain/areas.js';

const SECRET = 'test-partnership-secret-0123456789abcdef';
const token = (family: string) => linkToken(SECRET, { kind: 'nd', given: 'Sam', family, dateOfBirth: '1980-01-01' });
const victim = token('Victim');
const newVictim = token('Newvictim');
const suspect = token('Suspect');

function referral(victimToken: string) {
  return createEvent('police.referral.made.v1', {
    occurredAt: new Date('2026-06-01T10:00:00Z'), sharing: 'partnership',
    subjects: [{ role: 'victim', tokens: [victimToken] }, { role: 'suspect', tokens: [suspect] }],
    data: {
      referralRef: `REF-${victimToken.slice(-6)}`, criterion: 'high_risk', reason: 'Test',
      people: [
        { role: 'victim', tokens: [victimToken], given: 'Sam', family: 'Victim', dateOfBirth: '1980-01-01' },
        { role: 'suspect', tokens: [suspect], given: 'Sam', family: 'Suspect', dateOfBirth: '1980-01-01' },
      ],
    },
  }) as EventOfType<'police.referral.made.v1'>;
}

/** A closed case about `victim` (and the suspect); the store answers only by victim tokens, as the real one does. */
function deps(recorded: unknown[], asked: string[][] = []): CommandDeps {
  const closed = [{ _id: 'CNV-2026-000001', victimTokens: [victim], suspectTokens: [suspect] }];
  const byVictim = (tokens: string[]) => closed.filter((c) => c.victimTokens.some((t) => tokens.includes(t)));
  return {
    cases: { openWithVictimTokens: async () => [], closedSinceWithVictimTokens: async (tokens: string[]) => { asked.push(tokens); return byVictim(tokens); } },
    counters: { next: async () => 2 },
    referrals: { caseFor: async () => null, claim: async (_id: string, caseRef: string) => caseRef },
    recorder: { record: async (input: unknown) => { recorded.push(input); return {}; } },
    logger: { info: () => undefined },
    repeatWindowMonths: 12,
    areas: areasOf(DEFAULT_AREAS),
  } as unknown as CommandDeps;
}

describe('listReferral: a repeat is the same victim again', () => {
  it('marks the same victim, referred again within the window, as a repeat of her closed case', async () => {
    const recorded: { data: { repeatOf?: string } }[] = [];
    await listReferral(deps(recorded), referral(victim));
    expect(recorded[0]!.data.repeatOf).toBe('CNV-2026-000001');
  });

  it('does not mark a new victim of the same suspect as a repeat', async () => {
    const recorded: { data: { repeatOf?: string } }[] = [];
    const asked: string[][] = [];
    await listReferral(deps(recorded, asked), referral(newVictim));
    expect(recorded[0]!.data).not.toHaveProperty('repeatOf');
    // Closed cases are looked up by the victim's tokens only, never the suspect's.
    expect(asked).toEqual([[newVictim]]);
  });
});

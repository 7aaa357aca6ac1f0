import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { asyncApiYaml, ASYNCAPI_PATH } from '../../scripts/asyncapiYaml.js';
import { eventTypes, allTopics } from '@convene/shared/contracts';

describe('docs/asyncapi.yaml', () => {
  it('is what the contracts generate (run `npm run docs:asyncapi` when this fails)', () => {
    expect(readFileSync(ASYNCAPI_PATH, 'utf8')).toBe(asyncApiYaml());
  });

  it('describes the six topics and a message for every event type', () => {
    const doc = parse(readFileSync(ASYNCAPI_PATH, 'utf8')) as {
      asyncapi: string;
      channels: Record<string, { address: string }>;
      components: { messages: Record<string, { name: string; payload: { properties?: Record<string, unknown> } }> };
    };
    expect(doc.asyncapi).toBe('3.0.0');
    expect(Object.values(doc.channels).map((c) => c.address).sort()).toEqual([...allTopics].sort());
    const names = new Set(Object.values(doc.components.messages).map((m) => m.name));
    for (const type of eventTypes) expect(names.has(type), type).toBe(true);
    const incident = doc.components.messages.policeIncidentRecordedV1!;
    expect(Object.keys(incident.payload.properties ?? {})).toEqual(expect.arrayContaining(['specversion', 'id', 'occurredat', 'sharing', 'subjects', 'data']));
  });
});

import type { AudienceEntry, PartnerAgency } from '../api/types';
import { Choices, Field, Select, fieldError, inputValue } from './form';
import { agencyOptions } from './labels';
import { localToIso } from './format';

export interface Meta {
  occurredAt: string;
  sharing: 'partnership' | 'restricted';
  audience: PartnerAgency[];
}

/** The envelope fields every agency command shares: when it happened, and who may see it. */
export function metaBody(meta: Meta): { occurredAt: string; sharing: Meta['sharing']; audience?: AudienceEntry[] } {
  return {
    occurredAt: localToIso(meta.occurredAt),
    sharing: meta.sharing,
    ...(meta.sharing === 'restricted' ? { audience: meta.audience.map((agency) => ({ agency })) } : {}),
  };
}

const sharingOptions = [
  { value: 'partnership' as const, label: 'Partnership — every member of the case' },
  { value: 'restricted' as const, label: 'Restricted — only the agencies named below' },
];

export function RecordMeta({ idPrefix, value, onChange, error, whenLabel = 'When it happened' }: {
  idPrefix: string; value: Meta; onChange: (m: Meta) => void; error: unknown; whenLabel?: string;
}) {
  return (
    <div class="row">
      <Field id={`${idPrefix}-when`} label={whenLabel} error={fieldError(error, 'occurredAt')}>
        <input id={`${idPrefix}-when`} type="datetime-local" value={value.occurredAt} onInput={(e) => onChange({ ...value, occurredAt: inputValue(e) })} required />
      </Field>
      <Field id={`${idPrefix}-sharing`} label="Sharing" error={fieldError(error, 'sharing')}>
        <Select id={`${idPrefix}-sharing`} value={value.sharing} options={sharingOptions} onChange={(sharing) => onChange({ ...value, sharing })} />
      </Field>
      {value.sharing === 'restricted' && (
        <Choices legend="Shared with" name={`${idPrefix}-audience`} options={agencyOptions} value={value.audience} onChange={(audience) => onChange({ ...value, audience })} error={fieldError(error, 'audience')} />
      )}
    </div>
  );
}

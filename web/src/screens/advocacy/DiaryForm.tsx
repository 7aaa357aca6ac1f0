import { useState } from 'preact/hooks';
import { agencies, type Recorded } from '../../api/agencies';
import type { Behaviour } from '../../api/types';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { localToIso, nowLocal } from '../../ui/format';
import { Choices, Field, FormOutcome, fieldError, inputValue, useSubmit } from '../../ui/form';
import { behaviourOptions } from '../../ui/labels';
import { RecordMeta, metaBody, type Meta } from '../../ui/RecordMeta';

/** An incident in the victim's diary, in their words: often the only record of the small things. */
export function DiaryForm({ subjects }: { subjects: Subjects }) {
  const [behaviours, setBehaviours] = useState<Behaviour[]>([]);
  const [happenedAt, setHappenedAt] = useState(nowLocal());
  const [place, setPlace] = useState('');
  const [account, setAccount] = useState('');
  const [meta, setMeta] = useState<Meta>({ occurredAt: nowLocal(), sharing: 'partnership', audience: [] });
  const sending = useSubmit<Recorded>();
  const submit = async (e: Event) => {
    e.preventDefault();
    const done = await sending.submit(() => agencies.advocacy.diary({
      subjects: subjectRefs(subjects), ...metaBody(meta), behaviours, happenedAt: localToIso(happenedAt), place, account,
    }));
    if (done) {
      setAccount('');
      setBehaviours([]);
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-labelledby="diary-heading">
      <h2 id="diary-heading">Diary entry</h2>
      <Choices legend="What happened" name="diary-behaviours" options={behaviourOptions} value={behaviours} onChange={setBehaviours} error={fieldError(sending.error, 'behaviours')} />
      <div class="row">
        <Field id="diary-happened" label="When it happened" error={fieldError(sending.error, 'happenedAt')}>
          <input id="diary-happened" type="datetime-local" value={happenedAt} onInput={(e) => setHappenedAt(inputValue(e))} required />
        </Field>
        <Field id="diary-place" label="Where" error={fieldError(sending.error, 'place')}>
          <input id="diary-place" value={place} onInput={(e) => setPlace(inputValue(e))} required maxLength={120} />
        </Field>
      </div>
      <Field id="diary-account" label="In their words" hint="Kept by advocacy; partners see only the behaviours." error={fieldError(sending.error, 'account')}>
        <textarea id="diary-account" aria-describedby="diary-account-hint" value={account} onInput={(e) => setAccount(inputValue(e))} required maxLength={2000} rows={3} />
      </Field>
      <RecordMeta idPrefix="diary" value={meta} onChange={setMeta} error={sending.error} whenLabel="Recorded at" />
      <button type="submit" disabled={sending.busy || !subjects.victim || behaviours.length === 0}>{sending.busy ? 'Recording…' : 'Add to diary'}</button>
      <FormOutcome error={sending.error} success={sending.result && `Diary entry ${sending.result.ref} recorded.`} />
    </form>
  );
}

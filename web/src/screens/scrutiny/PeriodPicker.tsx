import { useEffect, useState } from 'preact/hooks';
import { Field, Select, described } from '../../ui/form';
import { monthOptions, type Period } from './period';

/** Which whole months to show: from and to (both included), within the last three years. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => setDraft(value), [value.from, value.to]);
  const options = monthOptions();

  const submit = (e: Event) => {
    e.preventDefault();
    if (draft.from > draft.to) {
      setError('The first month must not be after the last month.');
      return;
    }
    setError(undefined);
    onChange(draft);
  };

  return (
    <form class="period-picker" onSubmit={submit} aria-labelledby="period-heading" noValidate>
      <h2 id="period-heading">Period</h2>
      <div class="row">
        <Field id="period-from" label="From" error={error}>
          <Select id="period-from" value={draft.from} options={options} aria-describedby={described('period-from', undefined, error)} aria-invalid={error ? true : undefined}
            onChange={(from) => setDraft((d) => ({ ...d, from }))} />
        </Field>
        <Field id="period-to" label="To (included)">
          <Select id="period-to" value={draft.to} options={options} onChange={(to) => setDraft((d) => ({ ...d, to }))} />
        </Field>
        <div class="period-submit">
          <button type="submit">Show figures</button>
        </div>
      </div>
    </form>
  );
}

import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { ErrorBox } from './states';

/** Sending a form: busy while it runs, the service's problem if it fails, the result if it worked. */
export function useSubmit<T>() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<T | null>(null);
  async function submit(run: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    try {
      const value = await run();
      setResult(value);
      return value;
    } catch (err) {
      setError(err);
      setResult(null);
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, result, submit, reset: () => { setError(null); setResult(null); } };
}

/** The service's reason for one field (`body.summary`, `body.subjects.0.personId`…), if it gave one. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  return error.fields.find((f) => f.field === `body.${field}` || f.field.startsWith(`body.${field}.`))?.reason;
}

export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string | undefined; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="field-error" id={`${id}-error`}>{error}</p>}
      {children}
    </div>
  );
}

/** aria-describedby for a control inside a Field. */
export const described = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function Choices<T extends string>({ legend, name, options, value, onChange, error, hint, type = 'checkbox' }: {
  legend: string; name: string; options: readonly { value: T; label: string }[]; value: T[]; onChange: (v: T[]) => void;
  error?: string | undefined; hint?: string; type?: 'checkbox' | 'radio';
}) {
  const toggle = (v: T, on: boolean) => onChange(type === 'radio' ? [v] : on ? [...value, v] : value.filter((x) => x !== v));
  return (
    <fieldset class={`choices${error ? ' invalid' : ''}`}>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      {error && <p class="field-error">{error}</p>}
      <div class="choice-list">
        {options.map((o) => (
          <label key={o.value} class="choice">
            <input type={type} name={name} value={o.value} checked={value.includes(o.value)} onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Select<T extends string>({ id, value, options, onChange, ...rest }: {
  id: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void;
} & Omit<JSX.HTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>) {
  return (
    <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as T)} {...rest}>
      {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </select>
  );
}

/** The end of every form: what went wrong (with what to do), or what was recorded. */
export function FormOutcome({ error, success }: { error: unknown; success?: ComponentChildren }) {
  if (error) return <ErrorBox error={error} title="Not saved" />;
  if (success) return <p class="state success" role="status">{success}</p>;
  return null;
}

export const inputValue = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;

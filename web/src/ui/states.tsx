import type { ComponentChildren } from 'preact';
import { ApiError, whatToDo } from '../api/http';

export function Loading({ what }: { what: string }) {
  return <p class="state loading" role="status" aria-live="polite"><span class="spinner" aria-hidden="true" />Loading {what}…</p>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="state empty">{children}</div>;
}

/** A failure, what it means, and what to do about it; with a retry when one makes sense. */
export function ErrorBox({ error, retry, title = 'That did not work' }: { error: unknown; retry?: () => void; title?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div class="state error" role="alert">
      <p><strong>{title}:</strong> {message}</p>
      {error instanceof ApiError && error.fields.length > 0 && (
        <ul>{error.fields.map((f) => <li key={f.field}><code>{f.field.replace(/^body\./, '')}</code>: {f.reason}</li>)}</ul>
      )}
      <p class="hint">{whatToDo(error)}</p>
      {retry && <button type="button" class="secondary" onClick={retry}>Try again</button>}
    </div>
  );
}

const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const when = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');
/** Calendar dates (YYYY-MM-DD) are days, not instants: shown without a time zone shift. */
export const day = (date: string | null | undefined) => (date ? dateOnly.format(new Date(`${date.slice(0, 10)}T00:00:00Z`)) : '—');
export const words = (code: string | null | undefined) => (code ? code.replaceAll('_', ' ') : '—');
export const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Today as YYYY-MM-DD in local time, for date inputs and overdue checks. */
export function today(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A datetime-local input's value (local time) now, and back to an ISO timestamp with offset. */
export function nowLocal(): string {
  const d = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}
export const localToIso = (value: string) => new Date(value).toISOString();

/** How long ago, roughly, for "listed 3 days ago": minutes, hours or days. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

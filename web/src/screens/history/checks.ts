export interface MyCheck {
  requestRef: string;
  at: string;
  purpose: string;
}

// There is no "my checks" endpoint; the lawyer's requests in this tab are remembered for this tab only.
const KEY = 'convene.history-checks';

export function myChecks(): MyCheck[] {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as MyCheck[];
  } catch {
    return [];
  }
}

export function rememberCheck(check: MyCheck): void {
  sessionStorage.setItem(KEY, JSON.stringify([check, ...myChecks().filter((c) => c.requestRef !== check.requestRef)].slice(0, 30)));
}

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Async<T> =
  | { state: 'loading'; data?: T }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: unknown; data?: T };

/**
 * Load something when the inputs change; `reload` fetches again in the background, keeping what is on
 * screen until the new answer arrives (so live refreshes never flash a spinner).
 */
export function useAsync<T>(load: () => Promise<T>, inputs: unknown[]): Async<T> & { reload: () => void } {
  const [result, setResult] = useState<Async<T>>({ state: 'loading' });
  const latest = useRef(0);
  const run = useCallback(() => {
    const ticket = ++latest.current;
    load().then(
      (data) => ticket === latest.current && setResult({ state: 'ready', data }),
      (error: unknown) => ticket === latest.current && setResult((prev) => ({ state: 'error', error, ...(prev.data !== undefined ? { data: prev.data } : {}) })),
    );
  }, inputs);
  useEffect(() => {
    setResult({ state: 'loading' });
    run();
  }, [run]);
  return { ...result, reload: run };
}

import type { LiveState } from '../../live/useMeetingLive';

/** Always say whether what is on screen is live: a meeting must never act on a stale picture unknowingly. */
export function LiveBanner({ live }: { live: LiveState }) {
  switch (live.status) {
    case 'live':
      return <p class="live-banner live" role="status"><span class="dot" aria-hidden="true" />Live</p>;
    case 'connecting':
      return <p class="live-banner connecting" role="status"><span class="dot" aria-hidden="true" />Connecting to the meeting…</p>;
    case 'reconnecting':
      return (
        <p class="live-banner lost" role="alert">
          <span class="dot" aria-hidden="true" /><strong>Connection lost — reconnecting…</strong> What you see may be out of date; anything missed is replayed when the connection is back.
        </p>
      );
    case 'refused':
      return <p class="live-banner refused" role="alert"><strong>Not connected:</strong> {live.detail ?? 'the meeting refused the connection'}.</p>;
  }
}

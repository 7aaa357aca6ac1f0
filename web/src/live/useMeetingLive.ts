import { useEffect, useRef, useState } from 'preact/hooks';
import type { MeetingPush, PresentUser } from '../api/types';
import { session } from '../session';
import { connectMeeting, type LiveStatus } from './meetingSocket';

export interface LiveState {
  status: LiveStatus;
  detail: string | undefined;
  present: PresentUser[];
}

/** Keep a meeting's live channel open while the board is on screen; every push goes to `onPush`. */
export function useMeetingLive(meetingId: string | null, onPush: (push: MeetingPush) => void, onRejoined: () => void): LiveState {
  const [state, setState] = useState<LiveState>({ status: 'connecting', detail: undefined, present: [] });
  const handlers = useRef({ onPush, onRejoined });
  handlers.current = { onPush, onRejoined };

  useEffect(() => {
    const token = session.current()?.token;
    if (!meetingId || !token) return;
    const live = connectMeeting(meetingId, token, {
      onStatus: (status, detail) => setState((s) => ({ ...s, status, detail })),
      onPush: (push) => {
        if (push.kind === 'presence') {
          const present = (push.payload as { present?: PresentUser[] }).present ?? [];
          setState((s) => ({ ...s, present }));
        }
        handlers.current.onPush(push);
      },
      onRejoined: () => handlers.current.onRejoined(),
      onUnauthenticated: () => session.expire(),
    });
    return () => live.close();
  }, [meetingId]);

  return state;
}

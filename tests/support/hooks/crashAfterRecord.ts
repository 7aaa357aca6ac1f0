// Loaded into a service process by the crash tests (`--import`): the first command recorded after it starts
// kills the process with SIGKILL right after its one insert, exactly as a power cut would.
import { subscribe } from 'node:diagnostics_channel';
import { RECORDED_CHANNEL } from '@convene/shared/eventlog';

subscribe(RECORDED_CHANNEL, () => process.kill(process.pid, 'SIGKILL'));

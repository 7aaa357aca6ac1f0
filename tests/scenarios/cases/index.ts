import type { Scenario } from '../support/scenario.js';
import innocuousToThreats from './innocuous-to-threats.js';
import harassmentNotStalking from './harassment-not-stalking.js';
import reclassifiedHighNoSpo from './reclassified-high-no-spo.js';
import spoConsidered from './spo-considered.js';
import declinedDash from './declined-dash.js';
import staleDash from './stale-dash.js';
import victimViewHigher from './victim-view-higher.js';
import victimViewNoDash from './victim-view-no-dash.js';
import spoBreached from './spo-breached.js';
import ordersAndBailBreached from './orders-and-bail-breached.js';
import twoVictimsOneSuspect from './two-victims-one-suspect.js';
import repeatReferral from './repeat-referral.js';
import diaryWrittenUpLater from './diary-written-up-later.js';
import nothingToFlag from './nothing-to-flag.js';

/** Every scenario the suite runs, one small file each. */
export const scenarios: Scenario[] = [
  innocuousToThreats, harassmentNotStalking, reclassifiedHighNoSpo, spoConsidered, declinedDash, staleDash, victimViewHigher,
  victimViewNoDash, spoBreached, ordersAndBailBreached, twoVictimsOneSuspect, repeatReferral, diaryWrittenUpLater, nothingToFlag,
];

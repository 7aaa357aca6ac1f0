/**
 * What the demo records say. Shared text never names anyone: it says "the victim" and "the suspect", as a
 * partner agency would write for a meeting screen. Clinical detail (kept by health, never shared unless
 * disclosed) is the only text written in the first person of a clinician.
 */
import type { Behaviour } from '@convene/shared/contracts';
import type { Rng } from '../random.js';

export type { Behaviour };

const INCIDENT: Record<Behaviour, readonly string[]> = {
  messages: [
    'The suspect sent {n} text messages overnight asking to meet and saying they only want to talk.',
    'Victim reports {n} WhatsApp messages in one evening, moving from apologies to accusations when unanswered.',
    'Messages from a new number the victim believes is the suspect, referring to where the victim had been that day.',
  ],
  calls: [
    '{n} calls from withheld numbers between 22:00 and 02:00; the victim recognised the suspect\'s voice on one.',
    'Repeated calls to the victim\'s mobile and landline; the victim has changed number once already.',
  ],
  social_media: [
    'New social media accounts followed the victim and commented on photographs after the suspect was blocked.',
    'The suspect posted about the victim publicly, naming the victim\'s workplace.',
  ],
  following: [
    'The suspect was seen walking behind the victim from the bus stop to the victim\'s street.',
    'Victim noticed the suspect\'s car behind them on the drive home, taking the same turns.',
  ],
  loitering_home: [
    'The suspect\'s car was parked opposite the victim\'s home for about two hours in the evening.',
    'Doorbell camera shows the suspect standing at the end of the victim\'s drive just after midnight.',
  ],
  loitering_work: [
    'The suspect waited outside the victim\'s workplace at the end of the shift.',
    'Security at the victim\'s workplace asked the suspect to leave the reception area.',
  ],
  approaching: [
    'The suspect approached the victim in a supermarket car park and tried to take the victim\'s arm.',
    'The suspect sat down beside the victim on the train and would not move when asked.',
  ],
  gifts: [
    'Flowers and a handwritten card left on the victim\'s doorstep; the handwriting is the suspect\'s.',
    'A parcel of the victim\'s favourite things delivered to work with an unsigned note.',
  ],
  property_damage: [
    'The victim\'s car tyres were slashed overnight; a figure matching the suspect is on a neighbour\'s camera.',
    'The victim\'s garden gate was forced and plant pots smashed.',
  ],
  threats: [
    'Voicemail saying that if the suspect cannot be with the victim, nobody will.',
    'Message threatening to share private photographs with the victim\'s family.',
  ],
  violence: [
    'The suspect pushed the victim against a wall when the victim refused to talk.',
    'The suspect grabbed the victim\'s wrist hard enough to leave bruising.',
  ],
  tracking: [
    'A tracking device was found taped inside the wheel arch of the victim\'s car.',
    'The suspect knew details of the victim\'s journeys that only a location-sharing app could show.',
  ],
  contacting_third_parties: [
    'The suspect contacted the victim\'s sister and manager asking where the victim is living now.',
    'The suspect messaged the victim\'s friends claiming to be worried about the victim\'s health.',
  ],
  identity_misuse: [
    'Online shopping accounts opened in the victim\'s name, with goods delivered to the victim\'s address.',
    'A dating profile set up in the victim\'s name with the victim\'s photographs.',
  ],
};

const DIARY: Record<Behaviour, readonly string[]> = {
  messages: ['Woke up to {n} messages. Did not reply.', 'More messages tonight, started nice then got nasty when I ignored them.'],
  calls: ['Phone rang {n} times from a withheld number while I was at my mum\'s.', 'Missed calls all evening, I put my phone on silent.'],
  social_media: ['Another new account liked all my old photos.', 'Someone commented on my friend\'s post asking where I am now.'],
  following: ['Felt like I was being followed home from the gym, same car twice.', 'Saw them behind me in town, walked into a shop to get away.'],
  loitering_home: ['Car parked across the road again, lights off, for ages.', 'Saw them at the end of my street when I put the bins out.'],
  loitering_work: ['They were outside work when I finished. Security walked me to the bus.', 'Colleague saw them in the car park at lunchtime.'],
  approaching: ['They came up to me at the petrol station and would not let me close the car door.', 'Came over to me in the park while I was with the kids.'],
  gifts: ['Flowers on the doorstep again, no card this time.', 'A present left on my car windscreen.'],
  property_damage: ['Wing mirror smashed on my car overnight.', 'Someone has scratched the side of my car.'],
  threats: ['Text saying I will regret it. I am scared to go out.', 'Said they know where my sister lives.'],
  violence: ['Grabbed my arm outside the shop, I have a bruise.', 'Pushed me when I tried to walk away.'],
  tracking: ['They knew I had been to the hospital today. I never told anyone.', 'Found an app on my phone I did not install.'],
  contacting_third_parties: ['My manager got a call asking about my shifts.', 'My sister got messages asking where I am living.'],
  identity_misuse: ['Parcels arriving I never ordered.', 'A bank letter about an account I never opened.'],
};

const PLACES: Record<Behaviour, readonly string[]> = {
  messages: ['by phone'], calls: ['by phone'], social_media: ['online'], identity_misuse: ['online'], tracking: ['car', 'phone'],
  following: ['walking home from the bus stop', 'town centre', 'on the way home from the gym'],
  loitering_home: ['outside home'], loitering_work: ['outside work', 'work car park'],
  approaching: ['supermarket car park', 'petrol station', 'local park'], gifts: ['home doorstep', 'work reception'],
  property_damage: ['outside home'], threats: ['by phone', 'voicemail'], violence: ['outside the corner shop', 'outside home'],
  contacting_third_parties: ['family and work'],
};

const LOCATIONS: Partial<Record<Behaviour, readonly string[]>> = {
  following: ['Headingley, near the victim\'s home', 'Leeds city centre'],
  loitering_home: ['Outside the victim\'s home address'],
  loitering_work: ['Outside the victim\'s workplace'],
  approaching: ['Supermarket car park, Kirkstall', 'Leeds station concourse'],
  property_damage: ['Street outside the victim\'s home'],
  violence: ['Street outside the victim\'s home', 'Outside a shop on the victim\'s street'],
  gifts: ['The victim\'s home address'],
};

function fill(template: string, rng: Rng): string {
  return template.replace('{n}', String(rng.int(4, 40)));
}

export function incidentSummary(behaviours: readonly Behaviour[], rng: Rng): string {
  const [first, ...rest] = behaviours;
  const lead = fill(rng.pick(INCIDENT[first!]), rng);
  if (rest.length === 0) return lead;
  return `${lead} Also reported: ${rest.map((b) => b.replace(/_/g, ' ')).join(', ')}.`;
}

export function incidentLocation(behaviours: readonly Behaviour[], rng: Rng): string | undefined {
  const places = LOCATIONS[behaviours[0]!];
  return places ? rng.pick(places) : undefined;
}

export function diaryAccount(behaviours: readonly Behaviour[], rng: Rng): string {
  return behaviours.map((b) => fill(rng.pick(DIARY[b]), rng)).join(' ');
}

export function diaryPlace(behaviours: readonly Behaviour[], rng: Rng): string {
  return rng.pick(PLACES[behaviours[0]!]);
}

/** Behaviours by rung: how a course of conduct typically steps up. */
export const RUNGS = {
  contact: ['messages', 'calls', 'social_media', 'gifts', 'contacting_third_parties'],
  loitering: ['loitering_home', 'loitering_work', 'following', 'tracking'],
  approach: ['approaching', 'property_damage'],
  threats: ['threats'],
  violence: ['violence'],
} as const satisfies Record<string, readonly Behaviour[]>;

export interface ContactPoint {
  service: string;
  telephone: string;
}

// 0113 496 0xxx is Ofcom's range kept for drama: no real line answers.
export const CONTACTS = {
  ed: { service: 'Leeds Teaching Hospitals ED safeguarding team', telephone: '0113 496 0101' },
  gp: { service: 'Headingley Medical Practice safeguarding lead', telephone: '0113 496 0202' },
  mentalHealth: { service: 'Leeds community mental health crisis team', telephone: '0113 496 0303' },
  maternity: { service: 'Leeds maternity safeguarding midwives', telephone: '0113 496 0404' },
  forensicMh: { service: 'Forensic mental health liaison service', telephone: '0113 496 0505' },
} satisfies Record<string, ContactPoint>;

export const COURTS = ['Leeds Magistrates\' Court', 'Leeds Crown Court', 'Bradford and Keighley Magistrates\' Court', 'Kirklees Magistrates\' Court'] as const;

export const SAFETY_MEASURES = [
  'Panic alarm fitted and tested at the home address',
  'Doorbell camera installed; footage kept for police',
  'Workplace security briefed with a photograph of the suspect; escorted to the car park after late shifts',
  'Phone checked for tracking apps; location sharing switched off',
  'Agreed code word with a neighbour and a family member',
  'Route to work varied; travels with a colleague where possible',
  'Social media locked down; privacy settings reviewed with the ISA',
  'School told who may collect the children',
  'Car checked for tracking devices by police',
  'Emergency bag packed and kept at a friend\'s address',
] as const;

export const WISHES = [
  'Wants the contact to stop and to feel safe walking to work; does not want to move house.',
  'Wants the suspect kept away from home and work and to be told before any release from custody.',
  'Wants police to treat the incidents as one course of conduct, not separate reports.',
  'Wants to stay in the current home with the children and keep them at their school.',
] as const;

export const FEARS = [
  'Fears the suspect will turn up at work and that colleagues will be hurt.',
  'Fears the suspect will not stop until something serious happens.',
  'Fears for the children\'s safety on the school run.',
  'Fears being tracked wherever the victim goes.',
] as const;

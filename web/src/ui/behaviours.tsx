import type { Behaviour } from '../api/types';
import { behaviourLabel } from './labels';

/** Behaviour categories by how far they go, each with its own colour and glyph so a timeline reads at a glance. */
export type BehaviourCategory = 'contact' | 'watching' | 'approach' | 'threat' | 'violence';

export const behaviourCategory: Record<Behaviour, BehaviourCategory> = {
  messages: 'contact', calls: 'contact', social_media: 'contact', contacting_third_parties: 'contact', identity_misuse: 'contact',
  tracking: 'watching', following: 'watching', loitering_home: 'watching', loitering_work: 'watching',
  approaching: 'approach', gifts: 'approach',
  threats: 'threat', property_damage: 'threat',
  violence: 'violence',
};

export const categoryLabel: Record<BehaviourCategory, string> = {
  contact: 'Contact', watching: 'Watching and following', approach: 'Approach and gifts', threat: 'Threats and damage', violence: 'Violence',
};

const glyph: Record<BehaviourCategory, string> = { contact: '✉', watching: '◉', approach: '➜', threat: '⚠', violence: '✖' };

/** One behaviour as a chip coloured by its category; the category is spelt out for screen readers and on hover. */
export function BehaviourChip({ behaviour }: { behaviour: Behaviour }) {
  const category = behaviourCategory[behaviour];
  return (
    <span class={`chip behaviour behaviour-${category}`} title={categoryLabel[category]} data-category={category}>
      <span aria-hidden="true">{glyph[category]} </span>{behaviourLabel[behaviour]}
      <span class="visually-hidden"> ({categoryLabel[category]})</span>
    </span>
  );
}

// Human words for the controlled lists: the very same ones the conference writes into summaries. From the
// contracts' labels entry, which is pure data: the bundle carries these tables, not zod and every schema.
import { agencyLabel, behaviourLabel, concernCategoryLabel, offenceLabel } from '@convene/shared/contracts/labels';
import type { Behaviour, ConcernCategory, OffenceClass, PartnerAgency, RiskGrade, Role } from '../api/types';
import type { DashQuestion, SdashQuestion } from '../api/agencies';

export { agencyLabel, behaviourLabel, concernCategoryLabel, offenceLabel };

export const PARTNER_AGENCIES: readonly PartnerAgency[] = ['police', 'cps', 'health', 'advocacy'];
export const LANES = ['police', 'cps', 'health', 'advocacy', 'conference'] as const;

const entries = <K extends string>(labels: Record<K, string>) => (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const behaviourOptions = entries<Behaviour>(behaviourLabel);
export const offenceOptions = entries<OffenceClass>(offenceLabel);
export const concernCategoryOptions = entries<ConcernCategory>(concernCategoryLabel);
export const agencyOptions = PARTNER_AGENCIES.map((value) => ({ value, label: agencyLabel[value] }));

export const gradeLabel: Record<RiskGrade, string> = { standard: 'Standard', medium: 'Medium', high: 'High' };
export const gradeOptions = entries<RiskGrade>(gradeLabel);

export const roleLabel: Record<Role, string> = {
  chair: 'Meeting chair', police: 'Police', cps: 'CPS lawyer', health: 'Health worker', caldicott: 'Caldicott guardian', advocate: 'Advocate (ISAC)', scrutiny: 'Scrutiny panel', health_idva: 'Hospital IDVA',
};

/** The DASH (2009) checklist, paraphrased; keyed by the police service's own question ids. */
export const dashQuestionText: Record<DashQuestion, string> = {
  injury: 'Has the current incident resulted in injury?',
  very_frightened: 'Are you very frightened?',
  afraid_of_further_violence: 'What are you afraid of? Is it further injury or violence?',
  isolated: 'Do you feel isolated from family or friends?',
  depressed_or_suicidal: 'Are you feeling depressed or having suicidal thoughts?',
  recent_separation: 'Have you separated or tried to separate from them within the past year?',
  child_contact_conflict: 'Is there conflict over child contact?',
  stalking_or_harassment: 'Do they constantly text, call, contact, follow, stalk or harass you?',
  pregnant_or_new_baby: 'Are you pregnant or have you recently had a baby?',
  children_in_household: 'Are there children or dependants in the household?',
  children_harmed: 'Have they ever hurt the children or dependants?',
  threats_to_children: 'Have they ever threatened to hurt or kill the children or dependants?',
  abuse_more_often: 'Is the abuse happening more often?',
  abuse_getting_worse: 'Is the abuse getting worse?',
  controlling_or_jealous: 'Do they try to control everything you do, or are they excessively jealous?',
  weapons_used: 'Have they ever used weapons or objects to hurt you?',
  threats_to_kill: 'Have they ever threatened to kill you or someone else, and you believed them?',
  strangulation: 'Have they ever attempted to strangle, choke, suffocate or drown you?',
  sexual_abuse: 'Do they do or say things of a sexual nature that make you feel bad or physically hurt you?',
  others_threatening: 'Is there any other person who has threatened you or that you are afraid of?',
  hurt_others: 'Do you know if they have hurt anyone else?',
  animal_cruelty: 'Have they ever mistreated an animal or the family pet?',
  financial_issues: 'Are there any financial issues?',
  substance_or_mental_health: 'Have they had problems with drugs, alcohol or mental health in the past year?',
  suicide_threats: 'Have they ever threatened or attempted suicide?',
  breached_orders: 'Have they ever breached bail, an injunction or any agreement about contact?',
  criminal_history: 'Do you know if they have ever been in trouble with the police or have a criminal history?',
};

/** The S-DASH stalking screen, asked when the stalking question is answered yes. */
export const sdashQuestionText: Record<SdashQuestion, string> = {
  very_frightened: 'Is the victim very frightened?',
  previous_stalking: 'Is there previous domestic abuse or stalking history?',
  property_damage: 'Has the suspect vandalised or destroyed property?',
  turns_up_unannounced: 'Do they turn up unannounced more than three times a week?',
  follows_or_loiters: 'Do they follow the victim or loiter near home or work?',
  threats_of_violence: 'Have they made threats of physical or sexual violence?',
  third_parties_harassed: 'Have they harassed any third party since the harassment began?',
  violent_to_others: 'Have they acted violently to anyone else?',
  engages_others: 'Have they engaged others to help them?',
  substance_or_mental_health: 'Have they had substance abuse or mental health problems?',
  known_abusive: 'Are they known to be abusive to others?',
};

import { useState } from 'preact/hooks';
import { agencies, type DashAnswer, type DashQuestion, type SdashQuestion } from '../../api/agencies';
import type { RiskGrade } from '../../api/types';
import { subjectRefs, type Subjects } from '../../people/SubjectPicker';
import { nowLocal } from '../../ui/format';
import { Field, FormOutcome, Select, fieldError, inputValue, useSubmit } from '../../ui/form';
import { dashQuestionText, gradeLabel, gradeOptions, sdashQuestionText } from '../../ui/labels';
import { RecordMeta, metaBody, type Meta } from '../../ui/RecordMeta';

const ANSWERS: { value: DashAnswer; label: string }[] = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, { value: 'not_known', label: 'Not known' }];
const keysOf = <K extends string>(r: Record<K, string>) => Object.keys(r) as K[];
const allNo = <K extends string>(keys: K[]) => Object.fromEntries(keys.map((k) => [k, 'no'])) as Record<K, DashAnswer>;

function Question<K extends string>({ id, text, value, onChange }: { id: K; text: string; value: DashAnswer; onChange: (id: K, a: DashAnswer) => void }) {
  return (
    <fieldset class="dash-question">
      <legend>{text}</legend>
      {ANSWERS.map((a) => (
        <label key={a.value} class="choice">
          <input type="radio" name={`dash-${id}`} value={a.value} checked={value === a.value} onChange={() => onChange(id, a.value)} />{a.label}
        </label>
      ))}
    </fieldset>
  );
}

type Result = Awaited<ReturnType<typeof agencies.police.riskAssessment>>;

/** The DASH checklist (27 questions, S-DASH when stalking is ticked), or the victim declining it. */
export function DashForm({ subjects }: { subjects: Subjects }) {
  const [declined, setDeclined] = useState(false);
  const [answers, setAnswers] = useState(allNo(keysOf(dashQuestionText)));
  const [sdash, setSdash] = useState(allNo(keysOf(sdashQuestionText)));
  const [victimOwnView, setOwnView] = useState<RiskGrade | ''>('');
  const [judgement, setJudgement] = useState<RiskGrade | ''>('');
  const [rationale, setRationale] = useState('');
  const [meta, setMeta] = useState<Meta>({ occurredAt: nowLocal(), sharing: 'partnership', audience: [] });
  const sending = useSubmit<Result>();
  const stalking = answers.stalking_or_harassment === 'yes';
  const ticks = Object.values(answers).filter((a) => a === 'yes').length;

  const submit = (e: Event) => {
    e.preventDefault();
    void sending.submit(() => agencies.police.riskAssessment({
      subjects: subjectRefs(subjects), ...metaBody(meta), declined,
      ...(declined ? {} : { answers, ...(stalking ? { sdashAnswers: sdash } : {}) }),
      ...(!declined && judgement ? { professionalJudgement: { grade: judgement, rationale } } : {}),
      ...(victimOwnView ? { victimOwnView } : {}),
    }));
  };

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="dash-heading">
      <h2 id="dash-heading">DASH risk assessment</h2>
      <label class="choice standalone"><input type="checkbox" checked={declined} onChange={(e) => setDeclined((e.currentTarget as HTMLInputElement).checked)} /> The victim declined the assessment</label>
      <Field id="dash-own-view" label="The victim's own view of their risk" hint="Ask even if they decline: it is recorded beside the assessed grade." error={fieldError(sending.error, 'victimOwnView')}>
        <Select id="dash-own-view" aria-describedby="dash-own-view-hint" value={victimOwnView} options={[{ value: '' as const, label: 'Not given' }, ...gradeOptions]} onChange={setOwnView} />
      </Field>
      {!declined && (
        <>
          <p class="hint">Answers start at “No”. {ticks} answered yes so far (14 or more is high risk; 10–13 medium).</p>
          <div class="dash-questions">
            {keysOf(dashQuestionText).map((q) => <Question<DashQuestion> key={q} id={q} text={dashQuestionText[q]} value={answers[q]} onChange={(id, a) => setAnswers((s) => ({ ...s, [id]: a }))} />)}
          </div>
          {stalking && (
            <div class="dash-questions sdash">
              <h3>S-DASH stalking screen</h3>
              {keysOf(sdashQuestionText).map((q) => <Question<SdashQuestion> key={q} id={q} text={sdashQuestionText[q]} value={sdash[q]} onChange={(id, a) => setSdash((s) => ({ ...s, [id]: a }))} />)}
            </div>
          )}
          <div class="row">
            <Field id="dash-judgement" label="Professional judgement (optional)" hint="May raise the grade, never lower it.">
              <Select id="dash-judgement" aria-describedby="dash-judgement-hint" value={judgement} options={[{ value: '' as const, label: 'None' }, ...gradeOptions]} onChange={setJudgement} />
            </Field>
            {judgement && (
              <Field id="dash-rationale" label="Why" error={fieldError(sending.error, 'professionalJudgement')}>
                <input id="dash-rationale" value={rationale} onInput={(e) => setRationale(inputValue(e))} required maxLength={2000} />
              </Field>
            )}
          </div>
        </>
      )}
      <RecordMeta idPrefix="dash" value={meta} onChange={setMeta} error={sending.error} whenLabel="When it was done" />
      <button type="submit" disabled={sending.busy || !subjects.victim}>{sending.busy ? 'Recording…' : 'Record assessment'}</button>
      <FormOutcome error={sending.error} success={sending.result && (sending.result.declined
        ? 'Recorded: the victim declined the assessment.'
        : `Graded ${gradeLabel[sending.result.grade!]} (${sending.result.yesCount} ticks${sending.result.raisedByProfessionalJudgement ? ', raised by professional judgement' : ''}).`)} />
    </form>
  );
}

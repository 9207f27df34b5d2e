import { SignUpLink } from '@/components/auth/sign-up-link';
import { CheckButton } from '@/components/answer/check-button';
import { DRILL_GROUPS, type Answers, type GroupName } from './drill-session';
import styles from './drill.module.css';
import { InlineError } from '@/components/ui/form';

/** The three questions, the verdict and the confidence, as radio groups numbered for the 1–3 keys. */
export function DrillForm({
  uid,
  index,
  title,
  answers,
  saving,
  error,
  guest,
  onChoose,
  onSubmit,
}: {
  uid: string;
  /** The scenario's place in the round: a new scenario gets fresh radio names. */
  index: number;
  title: string;
  answers: Answers;
  saving: boolean;
  error: string | null;
  guest: boolean;
  onChoose(name: GroupName, value: string): void;
  onSubmit(): void;
}) {
  return (
    <form
      className={styles.form}
      aria-describedby={`${uid}-keys`}
      aria-label={`Classify: ${title}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {DRILL_GROUPS.map((g, gi) => (
        <fieldset key={g.name} data-group={g.name} className={g.name === 'confidence' ? styles.confidence : styles.group} disabled={saving}>
          <legend className={styles.legend}>
            {g.name !== 'confidence' && <span className={styles.step}>{gi + 1}. </span>}
            {g.legend}
          </legend>
          <div className={styles.options}>
            {g.options.map((o, oi) => (
              <label key={o.value} className={styles.option} data-checked={answers[g.name] === o.value || undefined}>
                <input
                  type="radio"
                  name={`${uid}-${index}-${g.name}`}
                  value={o.value}
                  checked={answers[g.name] === o.value}
                  onChange={() => onChoose(g.name, o.value)}
                />
                <span className={styles.key} aria-hidden="true">
                  {oi + 1}
                </span>
                <span>{o.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <InlineError message={error} className={styles.error} />
      <div className={styles.actions}>
        <CheckButton saving={saving} />
        {guest && (
          <span className="muted">
            Saved in this browser. <SignUpLink>Create an account</SignUpLink> to keep it.
          </span>
        )}
      </div>
    </form>
  );
}

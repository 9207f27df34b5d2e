'use client';
import styles from './practice.module.css';

export type SetFileFormat = 'csv' | 'json';

/** The practice-set file's format, chosen by radio; shared by the import form and the set manager's replace/append. */
export function FormatRadios({
  format,
  onChange,
  errors,
}: {
  format: SetFileFormat;
  onChange: (f: SetFileFormat) => void;
  errors?: string[];
}) {
  return (
    <fieldset className={`field ${styles.fieldset}`}>
      <legend>Format</legend>
      <div className="radio-row">
        {(['csv', 'json'] as const).map((f) => (
          <label key={f}>
            <input type="radio" name="format" value={f} checked={format === f} onChange={() => onChange(f)} /> {f.toUpperCase()}
          </label>
        ))}
      </div>
      {errors && <span className="error">{errors.join(' ')}</span>}
    </fieldset>
  );
}

import styles from './widget.module.css';

interface ProgressBarProps {
  id: string;
  label: string;
  value: number;
  max: number;
  /** What a screen reader announces and the bar shows as text, e.g. "4,000 of 10,000 episodes". */
  valueText: string;
}

export function ProgressBar({ id, label, value, max, valueText }: ProgressBarProps) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div className={styles.progress}>
      <span id={`${id}-label`} className={styles.progressLabel}>
        {label}
      </span>
      <div
        role="progressbar"
        aria-labelledby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
        className={styles.progressTrack}
      >
        <div className={styles.progressFill} style={{ width: `${share * 100}%` }} />
      </div>
      <span className={styles.progressText} aria-hidden="true">
        {valueText}
      </span>
    </div>
  );
}

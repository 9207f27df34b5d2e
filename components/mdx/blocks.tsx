import { Children, isValidElement, type ReactNode } from 'react';
import styles from './mdx.module.css';

const CALLOUT_LABEL: Record<string, string> = {
  example: 'Worked example',
  takeaway: 'Key takeaway',
  question: 'Open question',
  note: 'Note',
  warning: 'Watch out',
};
const CALLOUT_ICON: Record<string, string> = { example: '✎', takeaway: '★', question: '?', note: 'i', warning: '!' };

export function Callout({ kind = 'note', title, children }: { kind?: string; title?: string; children: ReactNode }) {
  const label = CALLOUT_LABEL[kind] ?? 'Note';
  return (
    <aside className={styles.callout} data-kind={kind} aria-label={title ? `${label}: ${title}` : label}>
      <p className={styles.calloutHead}>
        <span className={styles.calloutIcon} aria-hidden="true">
          {CALLOUT_ICON[kind] ?? 'i'}
        </span>
        <span className={styles.calloutKind}>{label}</span>
        {title && <span className={styles.calloutTitle}>{title}</span>}
      </p>
      <div className={styles.calloutBody}>{children}</div>
    </aside>
  );
}

export function KeyTakeaways({ children }: { children: ReactNode }) {
  return (
    <div className={styles.takeaways} role="group" aria-label="Key takeaways">
      {children}
    </div>
  );
}

function hasSvg(node: ReactNode): boolean {
  return Children.toArray(node).some(
    (c) => isValidElement(c) && (c.type === 'svg' || hasSvg((c.props as { children?: ReactNode }).children)),
  );
}

/** A numbered figure. A drawing is one image to assistive tech (its alt says everything); a table stays a table. */
export function Figure({ id, n, caption, alt, children }: { id?: string; n?: number; caption: string; alt: string; children: ReactNode }) {
  const figId = id ?? (n ? `figure-${n}` : undefined);
  const drawing = hasSvg(children);
  return (
    <figure className={styles.figure} id={figId}>
      {drawing ? (
        <div role="img" aria-label={alt} className={styles.figureBody}>
          <div aria-hidden="true">{children}</div>
        </div>
      ) : (
        <div className={styles.figureBody}>{children}</div>
      )}
      <figcaption>
        <strong>Figure {n}.</strong> {caption}
        {drawing && (
          <details className={styles.alt}>
            <summary>Text description</summary>
            <p>{alt}</p>
          </details>
        )}
      </figcaption>
    </figure>
  );
}

import Link from 'next/link';
import styles from './classifier-drill.module.css';

/**
 * The embedded classifier drill. Until the interactive drill lands this is a static figure that already teaches:
 * the three diagnostic questions, in the order a careful classifier asks them.
 */
export function ClassifierDrill({ set }: { set?: string }) {
  return (
    <aside className={styles.drill} aria-label="Practice: classify failures" data-set={set}>
      <p className={styles.kicker}>Practice</p>
      <p>
        <strong>Three questions sort every case.</strong> Ask them in this order:
      </p>
      <ol>
        <li>
          <strong>Was the training signal right?</strong> Did it reward only the intended behaviour in the situations the
          system was trained on? If not, you are looking at specification gaming.
        </li>
        <li>
          <strong>Did the system stay competent after the change?</strong> If its behaviour fell apart into something
          unskilled or incoherent, it is a capability failure.
        </li>
        <li>
          <strong>Which goal did it pursue?</strong> Right signal, skills intact, yet it competently pursued something
          other than what was intended: goal misgeneralization.
        </li>
      </ol>
      <p className="muted">
        The interactive drill with scenarios is coming to this spot. Meanwhile, the quizzes in each chapter include
        classify questions. <Link href="/chapters">See all chapters</Link>.
      </p>
    </aside>
  );
}

'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { rotateJoinCodeAction } from '@/lib/actions/classes';
import { formatJoinCode } from '@/lib/learning/join-code';
import { ConfirmButton } from './confirm-button';
import { CopyButton } from './copy-button';
import styles from './teach.module.css';

/** The class's join code (two groups of five, easy to read aloud), its invite link, and rotating both. */
export function InvitePanel({ classId, joinCode, origin, empty }: { classId: string; joinCode: string; origin: string; empty: boolean }) {
  const router = useRouter();
  const [notice, setNotice] = useState('');
  const link = `${origin}/join/${joinCode}`;
  const shown = formatJoinCode(joinCode);
  return (
    <section className={`card ${styles.invite}`} aria-labelledby="invite-h" data-empty={empty ? 'true' : 'false'}>
      <h2 id="invite-h">{empty ? 'Invite your learners' : 'Join code and invite link'}</h2>
      {empty && (
        <p>
          Nobody has joined yet. Share the code (learners type it at <strong>Classes</strong>) or send the link; the roster fills in as they
          join.
        </p>
      )}
      <p className={styles.code} data-testid="join-code" data-code={joinCode}>
        <span aria-hidden="true">{shown}</span>
        {/* Read out one character at a time, the way a teacher would say it. */}
        <span className="visually-hidden">Join code: {shown.split('').join(' ')}</span>
      </p>
      <div className={styles.row}>
        <CopyButton text={shown} label="Copy code" />
      </div>
      <p className={styles.link}>
        <a href={link} data-testid="invite-link">
          {link}
        </a>
      </p>
      <div className={styles.row}>
        <CopyButton text={link} label="Copy invite link" />
      </div>
      <div className={styles.row}>
        <ConfirmButton
          label="Change the code"
          question="The current code and link will stop working. Learners already in the class stay in."
          confirmLabel="Yes, make a new code"
          pendingLabel="Changing…"
          onConfirm={async () => {
            const r = await rotateJoinCodeAction({ classId });
            if (!r.ok || !r.data) return r.message ?? 'The code could not be changed.';
            setNotice(`New code: ${formatJoinCode(r.data.joinCode)}. The old code no longer works.`);
            router.refresh();
            return null;
          }}
        />
      </div>
      <p role="status" aria-live="polite" className="muted">
        {notice}
      </p>
    </section>
  );
}

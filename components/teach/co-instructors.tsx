'use client';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { createCoInstructorInviteAction, removeCoInstructorAction, revokeCoInstructorInviteAction } from '@/lib/actions/classes';
import { ConfirmButton } from './confirm-button';
import { CopyButton } from './copy-button';
import { utcText } from './format';
import styles from './teach.module.css';

export interface Teacher {
  userId: string;
  name: string | null;
  email: string;
}

export interface PendingInvite {
  id: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Who teaches the class. Only the owner invites or removes co-instructors (the actions check this too). A co-instructor
 * joins by a link the owner sends them and they accept while signed in: no field here takes an email address, so
 * nothing on this page can tell whether someone has an account, and nobody is added without agreeing.
 */
export function CoInstructors({
  classId,
  owner,
  coInstructors,
  isOwner,
  pending,
  origin,
}: {
  classId: string;
  owner: Teacher;
  coInstructors: Teacher[];
  isOwner: boolean;
  pending: PendingInvite[];
  origin: string;
}) {
  const router = useRouter();
  const [made, setMade] = useState<{ link: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, startTransition] = useTransition();

  function createLink() {
    setError(null);
    startTransition(async () => {
      const r = await createCoInstructorInviteAction({ classId });
      if (!r.ok || !r.data) {
        setError(r.message ?? 'The link could not be made. Try again.');
        return;
      }
      setMade({ link: `${origin}${r.data.path}`, expiresAt: r.data.expiresAt });
      router.refresh();
    });
  }

  return (
    <section className={`card ${styles.section}`} aria-labelledby="teachers-h">
      <h2 id="teachers-h">Instructors</h2>
      <ul className={styles.assignmentList}>
        <li className={styles.row}>
          <span>
            {owner.name ?? owner.email} <span className={styles.email}>{owner.email}</span>
          </span>
          <span className={styles.badge}>Owner</span>
        </li>
        {coInstructors.map((t) => (
          <li key={t.userId} className={styles.row}>
            <span>
              {t.name ?? t.email} <span className={styles.email}>{t.email}</span>
            </span>
            <span className={styles.badge}>Co-instructor</span>
            {isOwner && (
              <ConfirmButton
                label="Remove"
                accessibleLabel={`Remove ${t.name ?? t.email} as co-instructor`}
                question="They lose access to this class at once."
                confirmLabel="Yes, remove"
                pendingLabel="Removing…"
                onConfirm={async () => {
                  const r = await removeCoInstructorAction({ classId, userId: t.userId });
                  if (!r.ok) return r.message ?? 'They could not be removed.';
                  router.refresh();
                  return null;
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {coInstructors.length === 0 && <p className="muted">No co-instructors. They see the roster and analytics and can set assignments.</p>}
      {isOwner ? (
        <>
          <h3>Invite a co-instructor</h3>
          <p>
            Make a link and send it to the person who should co-teach. They open it signed in with an instructor account and accept. A link
            works once, for 7 days.
          </p>
          {error && (
            <p role="alert" className="alert alert--error">
              {error}
            </p>
          )}
          <div className={styles.row}>
            <button type="button" className="button button--ghost" onClick={createLink} disabled={working}>
              {working ? 'Making a link…' : 'Create an invite link'}
            </button>
          </div>
          <div role="status" aria-live="polite">
            {made && (
              <>
                <p>
                  New link, shown only now (Goalpost keeps just a fingerprint of it), working once until {utcText(new Date(made.expiresAt))}
                  :
                </p>
                <p className={styles.link}>
                  <a href={made.link} data-testid="co-invite-link">
                    {made.link}
                  </a>
                </p>
              </>
            )}
          </div>
          {made && (
            <div className={styles.row}>
              <CopyButton text={made.link} label="Copy the link" />
            </div>
          )}
          {pending.length > 0 && (
            <>
              <h3>Links not used yet</h3>
              <ul className={styles.assignmentList}>
                {pending.map((p) => (
                  <li key={p.id} className={styles.row} data-testid="pending-invite">
                    <span>
                      Made {utcText(p.createdAt)}, works until {utcText(p.expiresAt)}
                    </span>
                    <ConfirmButton
                      label="Withdraw"
                      accessibleLabel={`Withdraw the link made ${utcText(p.createdAt)}`}
                      question="The link stops working at once."
                      confirmLabel="Yes, withdraw it"
                      pendingLabel="Withdrawing…"
                      onConfirm={async () => {
                        const r = await revokeCoInstructorInviteAction({ classId, inviteId: p.id });
                        if (!r.ok) return r.message ?? 'The link could not be withdrawn.';
                        router.refresh();
                        return null;
                      }}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p className="muted">Only the owner can invite or remove co-instructors.</p>
      )}
    </section>
  );
}

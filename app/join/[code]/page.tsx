import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { findClassByCode, isEnrolled } from '@/lib/db/classes';
import { instructorRole } from '@/lib/db/class-roles';
import { formatJoinCode, normalizeJoinCode } from '@/lib/learning/join-code';
import { JoinByCodeForm, JoinInviteForm } from '@/components/classes/join-form';

export const metadata: Metadata = { title: 'Join a class' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }> };

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** An invite link: sign in (and come back), see which class it is, and join with one button. */
export default async function JoinPage({ params }: Props) {
  const { code: raw } = await params;
  const user = await requireUserOrRedirect(`/join/${encodeURIComponent(raw)}`);
  const code = normalizeJoinCode(safeDecode(raw));
  const cls = code ? await findClassByCode(code) : null;
  if (!code || !cls || cls.archivedAt) {
    return (
      <div className="page narrow">
        <h1>This invite link does not work</h1>
        <p className="lead">No class uses this code. Your teacher may have changed it; ask them for the new code or link.</p>
        <JoinByCodeForm />
      </div>
    );
  }
  if (user.role === 'instructor' && (await instructorRole(user.id, cls.id))) {
    return (
      <div className="page narrow">
        <h1>{cls.title}</h1>
        <p className="lead">You teach this class, so there is nothing to join. This is the link your learners use.</p>
        <p>
          <Link className="button" href={`/teach/${cls.id}`}>
            Open the class
          </Link>
        </p>
      </div>
    );
  }
  if (await isEnrolled(cls.id, user.id)) {
    return (
      <div className="page narrow">
        <h1>{cls.title}</h1>
        <p className="lead">You are already in this class.</p>
        <p>
          <Link className="button" href="/classes">
            Go to my classes
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <p className="muted">You have been invited to join</p>
      <h1>{cls.title}</h1>
      <p>
        Your teacher will see your progress on this class&rsquo;s assignments: what you have answered, your first-try scores and when you
        were last active. You can leave at any time.
      </p>
      <p className="muted">
        Class code <code>{formatJoinCode(code)}</code> · signed in as {user.email}
      </p>
      <JoinInviteForm code={code} title={cls.title} />
    </div>
  );
}

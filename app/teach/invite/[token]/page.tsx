import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { now } from '@/lib/clock';
import { findUsableInvite } from '@/lib/db/classes';
import { instructorRole } from '@/lib/db/class-roles';
import { AcceptInviteForm } from '@/components/teach/accept-invite-form';

export const metadata: Metadata = { title: 'Co-teach a class', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

/**
 * A co-instructor invite: sign in (and come back), see which class it is, and accept with one button. Opening the
 * page uses nothing up; only accepting does, and only for an instructor account.
 */
export default async function CoInstructorInvitePage({ params }: Props) {
  const { token } = await params;
  const user = await requireUserOrRedirect(`/teach/invite/${encodeURIComponent(token)}`);
  const invite = /^[A-Za-z0-9_-]{43}$/.test(token) ? await findUsableInvite(token, await now()) : null;
  if (!invite) {
    return (
      <div className="page narrow">
        <h1>This invite link does not work</h1>
        <p className="lead">
          It may have expired (links work for 7 days), been used already, or been withdrawn. Ask the owner of the class for a new link.
        </p>
      </div>
    );
  }
  if (user.role === 'instructor' && (await instructorRole(user.id, invite.classId))) {
    return (
      <div className="page narrow">
        <h1>{invite.title}</h1>
        <p className="lead">
          You already teach this class, so there is nothing to accept. The link stays unused for the person it was meant for.
        </p>
        <p>
          <Link className="button" href={`/teach/${invite.classId}`}>
            Open the class
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Co-teach &ldquo;{invite.title}&rdquo;?</h1>
      {user.role === 'instructor' ? (
        <>
          <p className="lead">
            <strong>{invite.ownerName}</strong> invited you to co-teach this class. You will see its roster, item statistics and confusions,
            download its CSVs and set assignments. The owner can remove you at any time.
          </p>
          <AcceptInviteForm token={token} />
        </>
      ) : (
        <>
          <p className="lead">
            Co-teaching needs an instructor account, and you are signed in as a learner. The link stays unused: open it again once you are
            signed in with an instructor account.
          </p>
          <p>
            To get one, sign out from <Link href="/account">your account page</Link> and create an account choosing &ldquo;an
            instructor&rdquo;, or ask whoever runs this Goalpost server to switch this one.
          </p>
        </>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { signOutAction } from '@/lib/auth/actions';
import { getSettings } from '@/lib/db/settings';
import { hasPassword } from '@/lib/db/users';
import { ReviewSettingsForm } from '@/components/account/review-settings-form';
import { DeleteAccountForm } from '@/components/account/delete-account-form';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { BecomeInstructorForm } from '@/components/teach/become-instructor-form';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUserOrRedirect('/account');
  const [settings, withPassword] = await Promise.all([getSettings(user.id), hasPassword(user.id)]);
  return (
    <div className="page prose">
      <h1>Your account</h1>
      <dl className="card">
        <dt className="muted">Name</dt>
        <dd data-testid="account-name">{user.name}</dd>
        <dt className="muted">Email</dt>
        <dd data-testid="account-email">{user.email}</dd>
        <dt className="muted">Role</dt>
        <dd>{user.role === 'instructor' ? 'Instructor' : 'Learner'}</dd>
        <dt className="muted">Member since</dt>
        <dd>{user.createdAt.toISOString().slice(0, 10)}</dd>
      </dl>

      <section aria-labelledby="review-settings" style={{ marginTop: '2rem' }}>
        <h2 id="review-settings">Review settings</h2>
        <ReviewSettingsForm desiredRetention={settings.desiredRetention} newCardsPerDay={settings.newCardsPerDay} />
      </section>

      <section aria-labelledby="teach" style={{ marginTop: '2rem' }}>
        <h2 id="teach">Teach this course</h2>
        {user.role === 'instructor' ? (
          <p>
            You are an instructor: create classes and follow them on <Link href="/teach">Teach</Link>.
          </p>
        ) : (
          <>
            <p>Running a class, a reading group or a course? Make this account an instructor to create classes and follow your learners.</p>
            <BecomeInstructorForm collapsed />
          </>
        )}
      </section>

      {withPassword && (
        <section aria-labelledby="change-password" style={{ marginTop: '2rem' }}>
          <h2 id="change-password">Change password</h2>
          <ChangePasswordForm email={user.email} />
        </section>
      )}

      <section aria-labelledby="your-data" style={{ marginTop: '2rem' }}>
        <h2 id="your-data">Your data</h2>
        <p>Everything you do here is yours to take away.</p>
        <ul>
          <li>
            <a href="/api/account/export" download>
              Export everything (JSON)
            </a>
            : your answers, review cards and log, progress, classes and imported scenario sets.
          </li>
          <li>
            <a href="/api/account/review-log" download>
              Export the review log (CSV)
            </a>{' '}
            in the FSRS optimizer&rsquo;s columns (card_id, review_time, review_rating, review_state, review_duration), to fit your own
            scheduling parameters.
          </li>
        </ul>
      </section>

      <section aria-labelledby="sign-out" style={{ marginTop: '2rem' }}>
        <h2 id="sign-out">Sign out</h2>
        <p>Signing out ends your session on this device and on every other device where this account is signed in.</p>
        <form action={signOutAction}>
          <button className="button button--ghost" type="submit">
            Sign out
          </button>
        </form>
      </section>

      <section aria-labelledby="delete-account" style={{ marginTop: '2rem' }}>
        <h2 id="delete-account">Delete account</h2>
        <DeleteAccountForm email={user.email} />
      </section>
    </div>
  );
}

import { oauthSignInAction } from '@/lib/auth/actions';
import { oauth } from '@/lib/env';

// Shown only for providers whose credentials are configured; without them nothing renders.
export function OAuthButtons() {
  const providers = (['github', 'google'] as const).filter((p) => oauth[p]);
  if (providers.length === 0) return null;
  return (
    <form action={oauthSignInAction} className="form" style={{ marginTop: '1.5rem' }}>
      <p className="muted">Or continue with</p>
      {providers.map((p) => (
        <button key={p} className="button button--ghost" type="submit" name="provider" value={p}>
          {p === 'github' ? 'GitHub' : 'Google'}
        </button>
      ))}
    </form>
  );
}

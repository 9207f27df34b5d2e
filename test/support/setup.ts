import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';

// Every test file: the DOM matchers and an in-memory IndexedDB. Unit and component tests get no database; a test
// that needs one belongs in test/integration, whose files also run test/support/setup-db.ts. DATABASE_URL points
// nowhere usable here, so a unit test that reaches for the store fails instead of touching a real file.
process.env.DATABASE_URL ??= 'file:/nonexistent/unit-tests-have-no-database.db';
process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-123456';

// Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock; clean up their DOM between tests.
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});

import { afterEach } from 'vitest';

// Component tests opt into jsdom with a `// @vitest-environment jsdom` docblock; clean up their DOM between tests.
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});

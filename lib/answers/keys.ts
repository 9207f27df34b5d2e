// One idempotency key per answer: a retried or re-sent answer reuses it, so the server stores it once.
export function newKey(): string {
  return globalThis.crypto?.randomUUID?.().replace(/-/g, '') ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

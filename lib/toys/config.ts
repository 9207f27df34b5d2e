// Shared by the toys' config resolvers: a caller's config over the defaults, where a key set to undefined keeps the
// default (a form field left empty arrives as undefined, and must not wipe the default out).

/** The caller checks the result's ranges: this only merges (a config's keys are a resolved config's, all optional). */
export function withDefaults<R>(defaults: object, config: object): R {
  const defined = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined));
  return { ...defaults, ...defined } as R;
}

/** Throws the toys' RangeError unless `n` is a positive integer. */
export function assertPositiveInteger(n: number, name: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer`);
}

/** A request the signed-in user (or a signed-out visitor) may not make: 401 signed out, 403 not allowed, 404 hidden. */
export class AuthorizationError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 403 | 404,
  ) {
    super(message);
  }
}

/** The cause of an UNAUTHORIZED answer when a session existed and has ended
 * (logged out, revoked, expired), as opposed to never having signed in: the
 * error's data carries `reason: 'session-ended'` so the sign-in page can say so. */
export class SessionEnded extends Error {
  constructor() {
    super('Your session has ended. Sign in again.');
  }
}

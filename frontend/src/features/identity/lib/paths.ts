/** Routes of the signed-out pages; `src/app/paths.ts` takes them from here. */
export const identityPaths = {
  login: '/login',
  /** Signs out (only when opened from the user menu) and lands on the sign-in page. */
  signOut: '/logout',
  invitation: '/invite/:token',
  requestPasswordReset: '/reset-password',
  resetPassword: '/reset-password/:token',
} as const;

/** Router state of a navigation to /logout from the user menu: only that signs out. */
export const SIGN_OUT_STATE = { signOut: true } as const;

export function isSignOutState(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'signOut' in state;
}

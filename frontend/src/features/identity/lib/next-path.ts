import { identityPaths } from './paths';

const LOGIN_PATH = identityPaths.login;

/**
 * The address to return to after signing in, from the `next` query parameter. Only a path of this
 * app is accepted ("/settings/users?x=1"): anything else ("//evil.example", "https://…",
 * "javascript:…", the sign-in page itself) gives "/", so the parameter cannot send anyone away.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  const path = next.split(/[?#]/)[0] ?? '';
  if (path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}/`)) {
    return '/';
  }
  return next;
}

/** The sign-in page that returns to `current` (path + query + hash) afterwards. */
export function loginPathFor(current: string): string {
  const next = safeNextPath(current);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

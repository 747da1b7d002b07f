/**
 * The full address of a link the server gives as a path of this app ("/invite/abc"), to copy and
 * hand to someone; a full address stays as it is, and so does anything that is not a URL.
 */
export function absoluteUrl(link: string, origin: string = window.location.origin): string {
  try {
    return new URL(link, origin).href;
  } catch {
    return link;
  }
}

// Where to go after signing in: only paths inside Rost (no //host or absolute URLs).
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/';
  return next;
}

import { truncateMarkdown } from './truncate.js';

/**
 * Markdown from outside (the endpoint's summary and comments, which a pull request can steer by prompt
 * injection) is shown, never obeyed: nobody is pinged, no hidden marker is forged, and an open code fence
 * cannot swallow what follows it.
 */

/** `@name` gets a zero-width joiner (no ping); `<!--` is escaped (no forged marker). */
export function neutralize(text: string): string {
  return text
    .replace(/<!--/g, '&lt;!--')
    .replace(/(^|[^\w`])@(?=[A-Za-z0-9])/g, '$1@\u200D')
    .replace(/\r\n?/g, '\n');
}

/** Closes a code fence left open, so it cannot swallow the rest of the comment or summary. */
export function closeFences(text: string): string {
  const fences = text.split('\n').filter((l) => /^ {0,3}(```|~~~)/.test(l));
  if (fences.length % 2 === 0) return text;
  const last = fences[fences.length - 1]!.trim();
  return `${text}\n${last.startsWith('~') ? '~~~' : '```'}`;
}

/** Endpoint markdown made safe to embed: neutralised, fences closed, cut to `limit` characters. */
export function sanitizeMarkdown(text: string, limit: number): string {
  return closeFences(neutralize(truncateMarkdown(text, limit, "The endpoint's text was cut.")));
}

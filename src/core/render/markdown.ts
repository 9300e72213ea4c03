import { truncateMarkdown } from './truncate.js';

/**
 * Markdown from outside (the endpoint's summary and comments, which a pull request can steer by prompt
 * injection) is shown, never obeyed: nobody is pinged, no hidden marker is forged, no image is loaded, and an
 * open code fence or `<details>` cannot swallow what follows it.
 */

/**
 * `@name` gets a zero-width joiner (no ping) wherever a mention could start: after anything but a letter or
 * digit, so `_@user_` and `` `@user `` too (an e-mail address is left alone). `<!--` is escaped (no forged
 * marker), images become their alt text (no request to a URL the endpoint chose).
 */
export function neutralize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<!--/g, '&lt;!--')
    .replace(/(^|[^A-Za-z0-9])@(?=[A-Za-z0-9])/g, '$1@\u200D')
    .replace(/<(?=\s*(img|picture|source|video|audio)\b)/gi, '&lt;')
    .replace(IMAGE, (_m, alt: string) => `(image: ${alt})`);
}

const IMAGE = /!\[([^\]\n]{0,200})\](\([^)\n]*\)|\[[^\]\n]*\])?/g;

/** A markdown image becomes its alt text: the reader's browser never requests a URL the endpoint chose. */
export function dropImages(text: string): string {
  return text.replace(IMAGE, (_m, alt: string) => `(image: ${alt})`);
}

/**
 * A fence opening or closing line (CommonMark): up to 3 spaces, then 3+ backticks or tildes. `s`: the rest of the
 * line may hold a character `.` would not match (U+2028 is no line break on GitHub), and it is still a fence.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/s;

/**
 * Closes a code fence left open, so it cannot swallow the rest of the comment or summary. A fence closes only
 * on a line of the same character, at least as long, with nothing after it (CommonMark); a backtick fence's
 * info string holds no backtick, so ```` ```x` ```` is inline code, not a fence.
 */
export function closeFences(text: string): string {
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const m = FENCE.exec(line);
    if (!m) continue;
    const run = m[1]!;
    const rest = m[2]!;
    if (open === undefined) {
      if (run[0] === '`' && rest.includes('`')) continue;
      open = run;
    } else if (run[0] === open[0] && run.length >= open.length && rest.trim() === '') {
      open = undefined;
    }
  }
  return open === undefined ? text : `${text}\n${open}`;
}

/**
 * Balances `<details>`: a closing tag with nothing open is escaped (it would close the caller's block), and
 * each block left open is closed at the end.
 */
export function closeDetails(text: string): string {
  let depth = 0;
  const out = text.replace(/<(\/?)details\b/gi, (tag, slash: string) => {
    if (slash === '') {
      depth++;
      return tag;
    }
    if (depth === 0) return `&lt;${tag.slice(1)}`;
    depth--;
    return tag;
  });
  return depth === 0 ? out : `${out}${'\n</details>'.repeat(depth)}`;
}

/** Endpoint markdown made safe to embed: neutralised, fences and `<details>` closed, cut to `limit` characters. */
export function sanitizeMarkdown(text: string, limit: number): string {
  return closeDetails(closeFences(neutralize(truncateMarkdown(text, limit, "The endpoint's text was cut."))));
}

/** GitHub's limit for a check run's summary and text, in characters. */
export const CHECK_TEXT_LIMIT = 65_535;

/**
 * Cuts markdown to `limit` characters at a line boundary and says how much was left out,
 * so a long report never makes GitHub reject the whole request.
 */
export function truncateMarkdown(
  text: string,
  limit: number,
  pointer = 'See the job summary or the JSON report.',
): string {
  if (text.length <= limit) return text;
  const note = (n: number) => `\n\n… ${n} more characters not shown. ${pointer}`;
  // The note's own length depends on the number it states; reserve room for the longest.
  const budget = limit - note(text.length).length;
  let cut = text.lastIndexOf('\n', budget);
  if (cut <= 0) cut = budget;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + note(text.length - cut);
}

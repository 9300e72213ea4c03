/** Who wrote a comment or review, as GitHub lists it. */
export interface CommentAuthor {
  readonly login: string;
  /** `User` or `Bot`. */
  readonly type: string;
}

/**
 * Whether a comment or review that carries our marker is ours to edit, dismiss or reuse: its author must be the
 * login the token acts as. When GitHub does not say who that is, only a bot's is taken: a person's comment is
 * never touched, whatever it starts with.
 */
export function isOurAuthor(identity: string | undefined, author: CommentAuthor | undefined): boolean {
  if (!author) return false;
  if (identity !== undefined) return author.login.toLowerCase() === identity.toLowerCase();
  return author.type === 'Bot';
}

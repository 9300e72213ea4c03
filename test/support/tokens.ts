/** A syntactically valid, unsigned JWT with these claims: a synthetic codex token for the e2e tests. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.${Buffer.from('signature-bytes').toString('base64url')}`;
}

import { GitHubError, PermissionError, UpstreamError } from '../../errors.js';
import { classifyFailure, type FailureClass } from './classify.js';

/** The status of an octokit error; undefined when there was no answer. */
export function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
    ? error.status
    : undefined;
}

/** Classifies an octokit error (or anything thrown) by its status and GitHub's JSON body. */
export function classifyError(error: unknown): FailureClass {
  const response = (error as { response?: { data?: unknown } } | null)?.response;
  return classifyFailure(statusOf(error), response?.data, response !== undefined);
}

/**
 * Turns an octokit error into one that says who must act: 403s name the permission that is missing, other
 * failures carry their kind and quote GitHub's reason. An UpstreamError passes through unchanged.
 */
export function translateError(error: unknown, what: string, permission: string): Error {
  if (error instanceof UpstreamError) return error;
  const status = statusOf(error);
  const failure = classifyError(error);
  if (failure.kind === 'permission') return new PermissionError(permission, what);
  if (failure.kind === 'credentials') {
    return new GitHubError(`could not ${what}: bad credentials`, 'credentials', 401, 'check the github-token input');
  }
  const reason = failure.reason ?? (failure.kind === 'network' ? describeFailure(error) : 'no message');
  return new GitHubError(`could not ${what}: ${reason}`, failure.kind, failure.kind === 'network' ? undefined : status);
}

/** A network or parsing failure, named by its code or class only. */
function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = (error as { code?: unknown } | null)?.code ?? cause?.code;
  if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return `network error ${code}`;
  return `no answer (${error instanceof Error ? error.name : typeof error})`;
}

/**
 * Every item of a paginated list (GitHub's Link headers, followed by octokit), mapped, until `stop` says
 * enough; an error says what could not be listed and which permission a 403 lacks.
 */
export async function collectPages<T, R>(
  pages: AsyncIterable<{ data: T[] }>,
  map: (item: T) => R,
  failure: { readonly what: string; readonly permission: string },
  stop: (count: number) => boolean = () => false,
): Promise<R[]> {
  const out: R[] = [];
  try {
    for await (const page of pages) {
      for (const item of page.data) out.push(map(item));
      if (stop(out.length)) break;
    }
  } catch (error) {
    throw translateError(error, failure.what, failure.permission);
  }
  return out;
}

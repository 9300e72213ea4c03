import { GitHubError } from '../../errors.js';
import type { GitHubPort } from '../../ports.js';
import { statusOf, translateError } from './errors.js';
import type { GitHubClient } from './octokit.js';

/** Files the action reads from the repository (config, memory sources, baseline) are at most this big. */
export const DEFAULT_READ_LIMIT = 10 * 1024 * 1024;

/**
 * Repository files at a ref (`GET /contents/{path}`). GitHub sends files up to 1 MB base64-encoded in JSON;
 * above that it answers `content: ""` with `encoding: "none"`, and the file must be asked for again with the
 * raw media type (up to 100 MB). A file over `maxBytes` is refused by its `size` before it is downloaded.
 */
export function contentsResource({ octokit }: GitHubClient): Pick<GitHubPort, 'getFileContent'> {
  return {
    async getFileContent(pr, path, ref, options = {}) {
      const maxBytes = options.maxBytes ?? DEFAULT_READ_LIMIT;
      const params = { owner: pr.owner, repo: pr.repo, path, ref };
      const what = `read ${path} at ${ref.slice(0, 12)}`;
      try {
        const res = await octokit.rest.repos.getContent(params);
        if (Array.isArray(res.data)) return undefined;
        const data = res.data as { type?: string; content?: string; encoding?: string; size?: number };
        if (data.type !== 'file') return undefined;
        if ((data.size ?? 0) > maxBytes) {
          throw new GitHubError(
            `could not ${what}: it is ${data.size} bytes, more than the ${maxBytes} bytes the action reads`,
            'invalid',
          );
        }
        if (data.encoding === 'base64' && typeof data.content === 'string') {
          return Buffer.from(data.content, 'base64').toString('utf8');
        }
        // `encoding: "none"` (over 1 MB) or anything else: ask for the bytes themselves.
        const raw = await octokit.rest.repos.getContent({ ...params, mediaType: { format: 'raw' } });
        const text = raw.data as unknown;
        if (typeof text === 'string') return text;
        if (text instanceof ArrayBuffer) return Buffer.from(text).toString('utf8');
        throw new GitHubError(`could not ${what}: GitHub sent no raw content`, 'invalid');
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw translateError(error, what, 'contents: read');
      }
    },
  };
}

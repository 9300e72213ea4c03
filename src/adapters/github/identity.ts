import type { GitHubPort } from '../../ports.js';
import type { GitHubClient } from './octokit.js';

/**
 * Who the token acts as, asked once: GraphQL `viewer { login }` names a person for a personal token and the
 * bot (`github-actions[bot]`, `<app>[bot]`) for an installation token. Undefined when GitHub does not say;
 * then "ours" falls back to our markers on comments written by a bot (see src/core/findings/ours.ts).
 */
export function identityResource({ octokit, logger }: GitHubClient): Pick<GitHubPort, 'identity'> {
  let asked: Promise<string | undefined> | undefined;
  return {
    identity() {
      asked ??= octokit
        .graphql<{ viewer: { login: string } }>('query { viewer { login } }')
        .then((data) => data.viewer.login || undefined)
        .catch(() => {
          logger.debug(
            'GitHub did not say who the token acts as; our comments are recognised by marker and bot author',
          );
          return undefined;
        });
      return asked;
    },
  };
}

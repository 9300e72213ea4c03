import { randomUUID } from 'node:crypto';
import type { CheckAnnotation } from '../../core/render/annotations.js';
import { ANNOTATIONS_PER_REQUEST, batchAnnotations } from '../../core/render/annotations.js';
import type { CheckRunInput, GitHubPort } from '../../ports.js';
import { classifyError, collectPages, translateError } from './errors.js';
import type { GitHubClient } from './octokit.js';

/**
 * Check runs (`POST /check-runs`, `PATCH /check-runs/{id}`, `GET /commits/{sha}/check-runs`). Each run is
 * created with a fresh `external_id`: when GitHub answers 5xx (or nothing) after it may have created the run,
 * that id finds it, so the run is adopted instead of created twice.
 */
export function checkRunsResource(client: GitHubClient): Pick<GitHubPort, 'createCheckRun' | 'listCheckRuns'> {
  const { octokit, logger } = client;
  const resource: Pick<GitHubPort, 'createCheckRun' | 'listCheckRuns'> = {
    async listCheckRuns(pr, sha, name) {
      const runs = await collectPages(
        octokit.paginate.iterator(octokit.rest.checks.listForRef, {
          owner: pr.owner,
          repo: pr.repo,
          ref: sha,
          check_name: name,
          filter: 'all',
          per_page: 100,
        }) as AsyncIterable<{ data: ListedRun[] }>,
        (r) => r,
        { what: 'list check runs', permission: 'checks: read' },
      );
      return runs
        .sort((a, b) => b.id - a.id)
        .map((r) => ({ id: r.id, summary: r.output?.summary ?? '', ...(r.app?.slug ? { appSlug: r.app.slug } : {}) }));
    },

    async createCheckRun(pr, input) {
      const batches = batchAnnotations(input.annotations, ANNOTATIONS_PER_REQUEST);
      const output = (annotations: readonly CheckAnnotation[] | undefined) => ({
        title: input.title,
        summary: input.summary,
        ...(input.text ? { text: input.text } : {}),
        ...(annotations ? { annotations: [...annotations] } : {}),
      });
      const externalId = `codex-hooks:${randomUUID()}`;
      const create = () =>
        octokit.rest.checks.create({
          owner: pr.owner,
          repo: pr.repo,
          name: input.name,
          head_sha: input.headSha,
          external_id: externalId,
          status: 'completed',
          conclusion: input.conclusion,
          completed_at: new Date().toISOString(),
          ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
          output: output(batches[0]),
        });
      try {
        let created: { id: number; appSlug?: string; adopted: boolean };
        try {
          const res = await create();
          created = { id: res.data.id, ...(res.data.app?.slug ? { appSlug: res.data.app.slug } : {}), adopted: false };
        } catch (error) {
          const failure = classifyError(error);
          if (failure.kind !== 'server' && failure.kind !== 'network') throw error;
          const found = await findByExternalId(input, externalId);
          if (found) {
            logger.warning(
              `GitHub answered ${failure.kind === 'server' ? '5xx' : 'nothing'} but had created check run ${found.id}: using it`,
            );
            created = { ...found, adopted: true };
          } else {
            const res = await create();
            created = {
              id: res.data.id,
              ...(res.data.app?.slug ? { appSlug: res.data.app.slug } : {}),
              adopted: false,
            };
          }
        }
        for (const batch of batches.slice(1)) {
          await octokit.rest.checks.update({
            owner: pr.owner,
            repo: pr.repo,
            check_run_id: created.id,
            output: output(batch),
          });
        }
        return created;
      } catch (error) {
        throw translateError(error, 'create check runs', 'checks: write');
      }

      async function findByExternalId(run: CheckRunInput, id: string) {
        const { data } = await octokit.rest.checks.listForRef({
          owner: pr.owner,
          repo: pr.repo,
          ref: run.headSha,
          check_name: run.name,
          filter: 'all',
          per_page: 100,
        });
        const match = data.check_runs.find((r) => r.external_id === id);
        return match ? { id: match.id, ...(match.app?.slug ? { appSlug: match.app.slug } : {}) } : undefined;
      }
    },
  };
  return resource;
}

interface ListedRun {
  id: number;
  output?: { summary?: string | null };
  app?: { slug?: string } | null;
}

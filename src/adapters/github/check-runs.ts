import { randomUUID } from 'node:crypto';
import type { CheckAnnotation } from '../../core/render/annotations.js';
import { ANNOTATIONS_PER_REQUEST, batchAnnotations } from '../../core/render/annotations.js';
import type { PullRequest } from '../../core/types.js';
import type { CheckRunInput, CreatedCheckRun, GitHubPort } from '../../ports.js';
import { classifyError, collectPages, translateError } from './errors.js';
import type { GitHubClient } from './octokit.js';

/**
 * Check runs (`POST /check-runs`, `PATCH /check-runs/{id}`, `GET /commits/{sha}/check-runs`). Each run is
 * created with a fresh `external_id`: when GitHub answers 5xx (or nothing) after it may have created the run,
 * that id finds it, so the run is adopted instead of created twice.
 */
export function checkRunsResource(client: GitHubClient): Pick<GitHubPort, 'createCheckRun' | 'listCheckRuns'> {
  const { octokit } = client;
  return {
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
        .map((r) => ({ id: r.id, summary: r.output?.summary ?? '', ...slugOf(r) }));
    },

    async createCheckRun(pr, input) {
      const batches = batchAnnotations(input.annotations, ANNOTATIONS_PER_REQUEST);
      const output = (annotations: readonly CheckAnnotation[] | undefined) => ({
        title: input.title,
        summary: input.summary,
        ...(input.text ? { text: input.text } : {}),
        ...(annotations ? { annotations: [...annotations] } : {}),
      });
      try {
        const created = await createOrAdopt(client, pr, input, output(batches[0]));
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
    },
  };
}

/** Creates the run; after a 5xx or no answer, adopts the run the first attempt created, or creates it once more. */
async function createOrAdopt(
  { octokit, logger }: GitHubClient,
  pr: PullRequest,
  input: CheckRunInput,
  output: { title: string; summary: string },
): Promise<CreatedCheckRun> {
  const externalId = `codex-hooks:${randomUUID()}`;
  const create = async (): Promise<CreatedCheckRun> => {
    const res = await octokit.rest.checks.create({
      owner: pr.owner,
      repo: pr.repo,
      name: input.name,
      head_sha: input.headSha,
      external_id: externalId,
      status: 'completed',
      conclusion: input.conclusion,
      completed_at: new Date().toISOString(),
      ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
      output,
    });
    return { id: res.data.id, ...slugOf(res.data), adopted: false };
  };
  try {
    return await create();
  } catch (error) {
    const failure = classifyError(error);
    if (failure.kind !== 'server' && failure.kind !== 'network') throw error;
    const { data } = await octokit.rest.checks.listForRef({
      owner: pr.owner,
      repo: pr.repo,
      ref: input.headSha,
      check_name: input.name,
      filter: 'all',
      per_page: 100,
    });
    const found = data.check_runs.find((r) => r.external_id === externalId);
    if (!found) return await create();
    logger.warning(
      `GitHub answered ${failure.kind === 'server' ? '5xx' : 'nothing'} but had created check run ${found.id}: using it`,
    );
    return { id: found.id, ...slugOf(found), adopted: true };
  }
}

function slugOf(run: { app?: { slug?: string } | null }): { appSlug?: string } {
  return run.app?.slug ? { appSlug: run.app.slug } : {};
}

interface ListedRun {
  id: number;
  output?: { summary?: string | null };
  app?: { slug?: string } | null;
}

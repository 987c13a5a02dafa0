// Deriving an image variant from the character's source image (PRD-021): the request, then following its render job
// and its registration job every second until both have ended, when the character is reloaded with the new variants.
import { terminalJobStates } from '@i2v/domain';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '@/api/client';
import type { Character, Job } from '@/api/types';
import { unwrap } from '@/api/unwrap';
import { jobQuery } from '@/pages/jobs/job-queries';
import { charactersKey } from '../character-queries';

/** The two jobs of one generation: the image-to-image render (GPU) and the job that registers its pictures. */
export interface VariantGenerationJobs {
  renderJobId: string;
  collectJobId: string;
}

const pollMs = 1000;

export const isJobEnded = (job: Job | undefined): job is Job =>
  job !== undefined && terminalJobStates.has(job.state);

/** The caller shows the refusal (422 `scene.not_generatable` names what is missing) beside the button. */
export function useGenerateVariant(character: Pick<Character, 'id'>) {
  return useMutation({
    mutationFn: (variantType: string) =>
      unwrap(
        api.POST('/api/v1/characters/{id}/variants/generate', {
          params: { path: { id: character.id } },
          body: { variantType },
        }),
      ),
    meta: { handlesErrors: true },
  });
}

/** Follows both jobs until each has ended; then the character (and the lists counting its variants) reload. */
export function useVariantGenerationJobs(run: VariantGenerationJobs | null) {
  const queryClient = useQueryClient();
  const [render, collect] = useQueries({
    queries: (run ? [run.renderJobId, run.collectJobId] : []).map((id) => ({
      ...jobQuery(id),
      refetchInterval: (query: { state: { data: Job | undefined } }) =>
        isJobEnded(query.state.data) ? false : pollMs,
    })),
  });
  const ended = isJobEnded(render?.data) && isJobEnded(collect?.data);
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: charactersKey });
  }, [ended, queryClient]);
  return {
    render: render?.data,
    collect: collect?.data,
    ended,
    /** The jobs could not be read (e.g. the connection dropped); polling goes on. */
    error: render?.error ?? collect?.error ?? null,
  };
}

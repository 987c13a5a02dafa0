// Server calls for on-frame annotations: the frames of a file that carry some, one frame's layers, saving your
// layer, and the PNG export.
import type { AnnotationShape } from '@i2v/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/api/client';
import { unwrap } from '@/api/unwrap';

/** Every query of one file's annotations; live `annotation.changed` events invalidate this. */
export const fileAnnotationsKey = (fileId: string) => ['annotations', fileId] as const;

export function useAnnotatedFrames(fileId: string) {
  return useQuery({
    queryKey: [...fileAnnotationsKey(fileId), 'frames'],
    queryFn: () => unwrap(api.GET('/api/v1/media/{fileId}/annotations', { params: { path: { fileId } } })),
    meta: { handlesErrors: true },
  });
}

export function useFrameAnnotation(fileId: string, frame: number, enabled: boolean) {
  return useQuery({
    queryKey: [...fileAnnotationsKey(fileId), 'frame', frame],
    queryFn: () =>
      unwrap(api.GET('/api/v1/media/{fileId}/annotations/{frame}', { params: { path: { fileId, frame } } })),
    enabled,
    meta: { handlesErrors: true },
  });
}

export function useSaveAnnotation(fileId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ frame, shapes }: { frame: number; shapes: AnnotationShape[] }) =>
      unwrap(
        api.PUT('/api/v1/media/{fileId}/annotations/{frame}', {
          params: { path: { fileId, frame } },
          body: { shapes },
        }),
      ),
    meta: { handlesErrors: true },
    onSuccess: (saved) => {
      client.setQueryData([...fileAnnotationsKey(fileId), 'frame', saved.frame], saved);
    },
    onSettled: () => client.invalidateQueries({ queryKey: [...fileAnnotationsKey(fileId), 'frames'] }),
  });
}

/** Downloads the frame with its annotations as a full-resolution PNG (the request needs the session's token). */
export async function downloadAnnotatedFrame(fileId: string, frame: number): Promise<void> {
  const blob = await unwrap(
    api.GET('/api/v1/media/{fileId}/annotations/{frame}.png', {
      params: { path: { fileId, frame } },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(blob as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `frame-${frame}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

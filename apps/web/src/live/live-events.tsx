// Keeps the signed-in tab live: opens the socket, turns its events into cache updates, and shows the notifications the
// studio pushes (one of the user's jobs finished or failed…) as toasts. Rendered once, by the app layout.

import type { NoteEntityType } from '@i2v/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { DomainEvent, EventPayload } from '@/api/types';
import { entityNotesKey, fileAnnotationsKey, notifyNews } from '@/components';
import { notificationKeys, notificationsQuery } from '@/pages/jobs/job-queries';
import { invalidateSceneRun, invalidateSegments } from '@/pages/projects/scenes/generation-queries';
import { applyProgress, invalidateEverythingLive, invalidateJobs } from './job-cache';
import { openLiveSocket } from './live-socket';

/** Events arrive in bursts (a batch submitted, a worker lost); one refetch per burst is enough. */
const debounceMs = 250;

export function LiveEvents() {
  const client = useQueryClient();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  useEffect(() => {
    const touched = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      invalidateJobs(client, touched);
      touched.clear();
    };
    // scenes being generated: a run change refetches the whole scene, a segment change its generation
    const runsChanged = new Set<string>();
    const segmentsChanged = new Set<string>();
    let sceneTimer: ReturnType<typeof setTimeout> | undefined;
    const flushScenes = () => {
      sceneTimer = undefined;
      for (const id of runsChanged) invalidateSceneRun(client, id);
      for (const id of segmentsChanged) if (!runsChanged.has(id)) invalidateSegments(client, id);
      runsChanged.clear();
      segmentsChanged.clear();
    };

    // A notification pushed live is one the user wants now (muted, digest and do-not-disturb ones are not pushed):
    // it becomes a toast that opens what it links to.
    const toast = async (payload: EventPayload<'notification.created'>) => {
      await client.invalidateQueries({ queryKey: notificationKeys.all });
      const page = await client.fetchQuery(notificationsQuery).catch(() => null);
      const n = page?.items.find((i) => i.id === payload.notificationId);
      const link = n?.link;
      notifyNews({
        id: `notification:${payload.notificationId}`,
        level: payload.level,
        title: payload.title,
        message: n?.body || (link?.startsWith('/jobs/') ? 'Open the job to see what happened.' : ''),
        onClick: link ? () => void navigateRef.current(link) : undefined,
      });
    };

    const onEvent = (event: DomainEvent) => {
      if (event.type === 'notification.created') {
        void toast(event.payload as EventPayload<'notification.created'>);
        return;
      }
      // someone else's notes and drawings appear without a reload
      if (event.type === 'note.changed') {
        const p = event.payload as EventPayload<'note.changed'>;
        void client.invalidateQueries({
          queryKey: entityNotesKey({ entityType: p.entityType as NoteEntityType, entityId: p.entityId }),
        });
        return;
      }
      if (event.type === 'annotation.changed') {
        const p = event.payload as EventPayload<'annotation.changed'>;
        void client.invalidateQueries({ queryKey: fileAnnotationsKey(p.fileId) });
        return;
      }
      if (event.type === 'job.progress') {
        const p = event.payload as EventPayload<'job.progress'>;
        applyProgress(client, { jobId: p.jobId, progress: p.progress, text: p.text });
        return;
      }
      if (event.type === 'scene.run_changed' || event.type === 'segment.updated') {
        const { sceneId } = event.payload as EventPayload<'scene.run_changed' | 'segment.updated'>;
        (event.type === 'scene.run_changed' ? runsChanged : segmentsChanged).add(sceneId);
        sceneTimer ??= setTimeout(flushScenes, debounceMs);
        return;
      }
      const { jobId } = event.payload as { jobId?: unknown };
      if (!event.type.startsWith('job.') || typeof jobId !== 'string') return;
      touched.add(jobId);
      timer ??= setTimeout(flush, debounceMs);
    };

    const stop = openLiveSocket({
      onEvent,
      onReady: (reconnected) => {
        if (reconnected) invalidateEverythingLive(client);
      },
    });
    return () => {
      stop();
      clearTimeout(timer);
      clearTimeout(sceneTimer);
    };
  }, [client]);

  return null;
}

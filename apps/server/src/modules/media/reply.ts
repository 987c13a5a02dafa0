// Sends an opened stored file as an HTTP answer: whole (200), one byte range (206) or an unsatisfiable range (416).
import type { FastifyReply } from 'fastify';
import type { OpenedMedia } from './service.js';

export function sendOpened(reply: FastifyReply, opened: OpenedMedia) {
  reply
    .type(opened.mimeType)
    .header('accept-ranges', 'bytes')
    .header('etag', opened.etag)
    .header('cache-control', 'private, max-age=3600');
  if (opened.unsatisfiable) {
    return reply.status(416).header('content-range', `bytes */${opened.size}`).send('');
  }
  if (opened.part) {
    const { start, end } = opened.part;
    return reply
      .status(206)
      .header('content-range', `bytes ${start}-${end}/${opened.size}`)
      .header('content-length', end - start + 1)
      .send(opened.stream);
  }
  return reply.header('content-length', opened.size).send(opened.stream);
}

// Signed, time-limited media URLs: <img> tags cannot send a bearer token, so the URL itself carries the right.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';

export type MediaRendition = 'file' | 'thumbnail';

const hour = 3600;

export class MediaLinks {
  constructor(
    private readonly secret: string,
    private readonly clock: Clock,
  ) {}

  private signature(fileId: string, rendition: MediaRendition, exp: number): string {
    return createHmac('sha256', this.secret)
      .update(`media:${fileId}:${rendition}:${exp}`)
      .digest('base64url');
  }

  /** Expiry is rounded up to a whole hour plus one, so the same image keeps one URL for a while and caches well. */
  url(fileId: string, rendition: MediaRendition): string {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const exp = Math.ceil(now / hour) * hour + hour;
    return `/api/v1/media/${fileId}/${rendition}?exp=${exp}&sig=${this.signature(fileId, rendition, exp)}`;
  }

  verify(fileId: string, rendition: MediaRendition, exp: number, sig: string): 'ok' | 'expired' | 'invalid' {
    const expected = Buffer.from(this.signature(fileId, rendition, exp));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return exp * 1000 < this.clock.now().getTime() ? 'expired' : 'ok';
  }
}

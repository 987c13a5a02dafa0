import { planFilmstrip } from '@i2v/domain';
import { describe, expect, it } from 'vitest';
import { proxyArgs, spriteArgs } from './ffmpeg-args.js';

describe('spriteArgs', () => {
  it('selects the layout frames by index, scales them to tiles and tiles them into one JPEG', () => {
    const layout = planFilmstrip({ frameCount: 6, width: 320, height: 180 }, { maxTiles: 3, maxColumns: 2 });
    const args = spriteArgs('/in/clip.webm', layout, '/out/sprite.jpg');
    expect(args.slice(args.indexOf('-vf'), args.indexOf('-vf') + 2)).toEqual([
      '-vf',
      'select=eq(n\\,1)+eq(n\\,3)+eq(n\\,5),scale=160:90:flags=bicubic,setsar=1,tile=2x2',
    ]);
    expect(args).toEqual(expect.arrayContaining(['-frames:v', '1', '-c:v', 'mjpeg']));
    expect(args.slice(-1)).toEqual(['/out/sprite.jpg']);
    expect(args[args.indexOf('-i') + 1]).toBe('/in/clip.webm');
  });
});

describe('proxyArgs', () => {
  it('keeps every frame at its rate in H.264 4:2:0 with a short GOP, audio when there is any, index first', () => {
    const args = proxyArgs('/in/clip.mov', '/out/proxy.mp4', 30);
    expect(args).toEqual(
      expect.arrayContaining(['-fps_mode', 'passthrough', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']),
    );
    expect(args[args.indexOf('-g') + 1]).toBe('30');
    expect(args).toEqual(expect.arrayContaining(['-map', '0:a:0?', '-movflags', '+faststart']));
    expect(args.slice(-3)).toEqual(['-f', 'mp4', '/out/proxy.mp4']);
  });
});

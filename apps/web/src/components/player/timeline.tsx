// The scrub bar: played part, A-B loop range and markers, and on hover the frame under the pointer with its
// filmstrip thumbnail. Dragging seeks frame by frame.
import { formatTimecode, tileOfFrame } from '@i2v/domain';
import { useRef, useState } from 'react';
import type { PlaybackEngine } from './playback-engine';
import classes from './player.module.css';
import { type LoadedSprite, tileStyle } from './sprite';
import { useFrame } from './use-frame';

const thumbWidth = 160;

export function Timeline({
  engine,
  lastFrame,
  fps,
  loopIn,
  loopOut,
  sprite,
  onSeek,
}: {
  engine: PlaybackEngine;
  lastFrame: number;
  fps: number;
  loopIn: number | null;
  loopOut: number | null;
  sprite: LoadedSprite | null;
  onSeek: (frame: number) => void;
}) {
  const frame = useFrame(engine);
  const bar = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ frame: number; x: number } | null>(null);
  const dragging = useRef(false);
  const at = (frameNumber: number) => `${(lastFrame > 0 ? frameNumber / lastFrame : 0) * 100}%`;
  const frameAt = (clientX: number) => {
    const box = bar.current!.getBoundingClientRect();
    const x = Math.min(box.width, Math.max(0, clientX - box.left));
    return { frame: Math.round((x / Math.max(1, box.width)) * lastFrame), x };
  };
  const hoverWidth = sprite ? thumbWidth : 0;
  return (
    <div
      ref={bar}
      className={classes.timeline}
      role="slider"
      tabIndex={-1}
      aria-label="Timeline"
      aria-valuemin={0}
      aria-valuemax={lastFrame}
      aria-valuenow={frame}
      aria-valuetext={`Frame ${frame}, ${formatTimecode(frame, fps)}`}
      data-testid="player-timeline"
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        onSeek(frameAt(e.clientX).frame);
      }}
      onPointerMove={(e) => {
        const h = frameAt(e.clientX);
        setHover(h);
        if (dragging.current) onSeek(h.frame);
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onPointerLeave={() => setHover(null)}
    >
      <div className={classes.track}>
        {loopIn !== null && loopOut !== null && (
          <div
            className={classes.loopRange}
            style={{ left: at(loopIn), width: `calc(${at(loopOut)} - ${at(loopIn)})` }}
          />
        )}
        <div className={classes.played} style={{ width: at(frame) }} />
      </div>
      {loopIn !== null && (
        <div className={classes.marker} style={{ left: at(loopIn) }} data-testid="loop-in-marker">
          A
        </div>
      )}
      {loopOut !== null && (
        <div className={classes.marker} style={{ left: at(loopOut) }} data-testid="loop-out-marker">
          B
        </div>
      )}
      <div className={classes.head} style={{ left: at(frame) }} />
      {hover && (
        <div
          className={classes.hover}
          style={{ left: `clamp(0px, ${hover.x - hoverWidth / 2}px, calc(100% - ${hoverWidth}px))` }}
          data-testid="timeline-hover"
        >
          {sprite && (
            <div
              className={classes.hoverThumb}
              style={tileStyle(sprite, tileOfFrame(sprite.layout, hover.frame), thumbWidth)}
            />
          )}
          <span>
            {hover.frame} · {formatTimecode(hover.frame, fps)}
          </span>
        </div>
      )}
    </div>
  );
}

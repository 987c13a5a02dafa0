// The sync-play grid (PRD-036): 2 to 16 players in lockstep under one transport (play/pause, frame steps, a seek bar,
// speed, loop) built on `createLockstep`. Each cell shows its label and the frame it shows (and, in development, how
// far it is from the first cell); a double-click opens the cell in cinema mode.
import { ActionIcon, Badge, Group, NativeSelect, Paper, Slider, Switch, Text, Tooltip } from '@mantine/core';
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { FirstFrameIcon, NextFrameIcon, PauseIcon, PlayIcon, PreviousFrameIcon } from '@/components';
import {
  CinemaMode,
  createLockstep,
  type Lockstep,
  type PlayerHandle,
  VideoPlayer,
} from '@/components/player';
import classes from './compare.module.css';
import type { CompareVideo } from './compare-sources';

const speeds = [0.25, 0.5, 1, 2];
const showDrift = import.meta.env.DEV;

/** Columns × rows for n cells: 2×1, 2×2, 3×2, 3×3, 4×4. */
export function gridShape(n: number): { columns: number; rows: number } {
  const columns = n <= 1 ? 1 : n <= 4 ? 2 : n <= 9 ? 3 : 4;
  return { columns, rows: Math.max(1, Math.ceil(n / columns)) };
}

/** The first cell's frame, for the transport and the drift badges, without re-rendering the grid. */
function createFrameStore() {
  let value = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: number) {
      if (next === value) return;
      value = next;
      for (const l of listeners) l();
    },
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
type FrameStore = ReturnType<typeof createFrameStore>;

interface CellProps {
  index: number;
  video: CompareVideo;
  fps: number;
  maxHeight: string;
  loop: boolean;
  leader: FrameStore;
  setHandle: (index: number, handle: PlayerHandle | null) => void;
  onCinema: (index: number) => void;
}

const Cell = memo(function Cell({
  index,
  video,
  fps,
  maxHeight,
  loop,
  leader,
  setHandle,
  onCinema,
}: CellProps) {
  const counter = useRef<HTMLSpanElement>(null);
  const drift = useRef<HTMLSpanElement>(null);
  const onFrame = (frame: number) => {
    if (index === 0) leader.set(frame);
    if (counter.current) counter.current.textContent = `Frame ${frame}`;
    if (drift.current) {
      const d = frame - leader.get();
      drift.current.textContent = `drift ${d > 0 ? '+' : ''}${d}`;
      drift.current.dataset.drift = String(Math.abs(d));
    }
  };
  return (
    <Paper
      className={classes.cell}
      withBorder
      data-testid="grid-cell"
      data-file-id={video.fileId}
      onDoubleClick={() => onCinema(index)}
    >
      <VideoPlayer
        ref={(h) => setHandle(index, h)}
        src={video.src}
        fallbackSrc={video.fallbackSrc}
        fps={fps}
        frameCount={video.frameCount}
        onFrame={onFrame}
        keyboard={false}
        loop={loop}
        bare
        maxHeight={maxHeight}
        videoTestId="grid-video"
      />
      <Group justify="space-between" gap={4} wrap="nowrap" px={6} py={2}>
        <Text size="xs" fw={600} truncate data-testid="grid-cell-label" title={video.label}>
          {video.label}
        </Text>
        <Group gap={4} wrap="nowrap">
          {showDrift && (
            <Badge size="xs" variant="light" color="gray" data-testid="grid-cell-drift">
              <span ref={drift}>drift 0</span>
            </Badge>
          )}
          <Text size="xs" ff="monospace" c="dimmed" data-testid="grid-cell-frame">
            <span ref={counter}>Frame 0</span>
          </Text>
        </Group>
      </Group>
    </Paper>
  );
});

function TransportFrame({ leader, lastFrame }: { leader: FrameStore; lastFrame: number }) {
  const frame = useSyncExternalStore(leader.subscribe, leader.get);
  return (
    <Text size="sm" ff="monospace" data-testid="grid-frame">
      Frame {frame} / {lastFrame}
    </Text>
  );
}

function SeekBar({
  leader,
  lastFrame,
  onSeek,
}: {
  leader: FrameStore;
  lastFrame: number;
  onSeek: (f: number) => void;
}) {
  const frame = useSyncExternalStore(leader.subscribe, leader.get);
  return (
    <Slider
      className={classes.seek}
      min={0}
      max={Math.max(1, lastFrame)}
      value={Math.min(frame, Math.max(1, lastFrame))}
      label={(f) => `Frame ${f}`}
      size="sm"
      onChange={onSeek}
      aria-label="Seek every video"
      data-testid="grid-seek"
    />
  );
}

export function SyncGrid({ videos }: { videos: CompareVideo[] }) {
  const fps = videos[0]?.fps ?? 24;
  const { columns, rows } = gridShape(videos.length);
  const leader = useMemo(createFrameStore, []);
  const handles = useRef<(PlayerHandle | null)[]>([]);
  const lockstep = useRef<Lockstep | null>(null);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const [loop, setLoop] = useState(true);
  const [cinema, setCinema] = useState<{ index: number; frame: number } | null>(null);
  const key = videos.map((v) => v.fileId).join(',');
  const frameCounts = videos.map((v) => v.frameCount).filter((n): n is number => n !== null);
  const lastFrame = Math.max(0, (frameCounts.length > 0 ? Math.min(...frameCounts) : 1) - 1);

  const setHandle = useMemo(
    () => (index: number, handle: PlayerHandle | null) => {
      handles.current[index] = handle;
    },
    [],
  );

  // one lockstep over the grid's players; a new selection is a new lockstep
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for the videos
  useEffect(() => {
    const players = handles.current.slice(0, videos.length).filter((h): h is PlayerHandle => h !== null);
    const ls = createLockstep(players, { fps });
    lockstep.current = ls;
    setPlaying(false);
    leader.set(0);
    // without a loop, the leader's end stops the transport
    const lead = players[0]?.video;
    const onEnded = () => {
      if (!lead?.loop) {
        setPlaying(false);
        void ls.pause();
      }
    };
    lead?.addEventListener('ended', onEnded);
    return () => {
      lead?.removeEventListener('ended', onEnded);
      ls.dispose();
      lockstep.current = null;
    };
  }, [key, fps]);

  const play = () => {
    setPlaying(true);
    for (const h of handles.current) if (h?.video) h.video.loop = loop;
    void lockstep.current?.play();
  };
  const pause = () => {
    setPlaying(false);
    void lockstep.current?.pause();
  };
  const toggle = () => (playing ? pause() : play());
  const step = (delta: number) => {
    setPlaying(false);
    void lockstep.current?.stepFrames(delta);
  };
  const seek = (frame: number) => {
    setPlaying(false);
    void lockstep.current?.seekToFrame(frame);
  };

  // Space plays / pauses, ← → step, when nothing else on the page has the key
  const keys = useRef<(e: KeyboardEvent) => void>(() => undefined);
  keys.current = (e) => {
    if (cinema || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const t = e.target;
    if (
      t instanceof HTMLElement &&
      (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))
    )
      return;
    if (e.key === ' ') toggle();
    else if (e.key === 'ArrowLeft') step(e.shiftKey ? -10 : -1);
    else if (e.key === 'ArrowRight') step(e.shiftKey ? 10 : 1);
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const openCinema = useMemo(
    () => (index: number) => {
      setPlaying(false);
      void lockstep.current?.pause();
      setCinema({ index, frame: handles.current[0]?.currentFrame() ?? 0 });
    },
    [],
  );

  const cinemaVideo = cinema ? videos[cinema.index] : undefined;
  return (
    <div className={classes.grid} data-testid="sync-grid" data-columns={columns} data-rows={rows}>
      <Paper withBorder p="xs" className={classes.transport} data-testid="grid-transport">
        <Group gap="xs" wrap="nowrap">
          <Tooltip label="First frame">
            <ActionIcon variant="subtle" color="gray" aria-label="First frame" onClick={() => seek(0)}>
              <FirstFrameIcon size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="One frame back (←)">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="One frame back"
              onClick={() => step(-1)}
              data-testid="grid-step-back"
            >
              <PreviousFrameIcon size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={playing ? 'Pause every video (Space)' : 'Play every video (Space)'}>
            <ActionIcon
              variant="filled"
              aria-label={playing ? 'Pause' : 'Play'}
              onClick={toggle}
              data-testid="grid-toggle"
              data-playing={playing}
            >
              {playing ? <PauseIcon size={16} /> : <PlayIcon size={16} />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label="One frame forward (→)">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="One frame forward"
              onClick={() => step(1)}
              data-testid="grid-step-forward"
            >
              <NextFrameIcon size={16} />
            </ActionIcon>
          </Tooltip>
          <SeekBar leader={leader} lastFrame={lastFrame} onSeek={seek} />
          <TransportFrame leader={leader} lastFrame={lastFrame} />
          <NativeSelect
            size="xs"
            aria-label="Speed"
            value={String(rate)}
            data={speeds.map((r) => ({ value: String(r), label: `${r}×` }))}
            onChange={(e) => {
              const next = Number(e.currentTarget.value);
              setRate(next);
              lockstep.current?.setRate(next);
            }}
            w={72}
            data-testid="grid-speed"
          />
          <Switch
            size="xs"
            label="Loop"
            checked={loop}
            onChange={(e) => {
              const next = e.currentTarget.checked;
              setLoop(next);
              if (playing) {
                for (const h of handles.current) if (h?.video) h.video.loop = next;
                void lockstep.current?.play();
              }
            }}
            data-testid="grid-loop"
          />
        </Group>
      </Paper>
      <div
        className={classes.cells}
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
        data-testid="grid-cells"
      >
        {videos.map((v, i) => (
          <Cell
            key={v.fileId}
            index={i}
            video={v}
            fps={fps}
            loop={loop}
            maxHeight={`calc((100vh - 280px) / ${rows})`}
            leader={leader}
            setHandle={setHandle}
            onCinema={openCinema}
          />
        ))}
      </div>
      <Text size="xs" c="dimmed">
        Double-click a video to watch it in cinema mode. Space plays or pauses every video; ← → step one
        frame.
      </Text>
      {cinema && cinemaVideo && (
        <CinemaMode
          src={cinemaVideo.src}
          fallbackSrc={cinemaVideo.fallbackSrc}
          fps={fps}
          frameCount={cinemaVideo.frameCount}
          initialFrame={cinema.frame}
          label={cinemaVideo.label}
          onClose={(frame) => {
            setCinema(null);
            void lockstep.current?.seekToFrame(frame);
          }}
        />
      )}
    </div>
  );
}

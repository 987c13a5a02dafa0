// The player's small parts: frame readout, transport buttons, go-to field and the keys help.
import { formatTimecode, parseFrameInput } from '@i2v/domain';
import { ActionIcon, Popover, Text, TextInput, Tooltip } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { KeyboardIcon } from '../icons';
import type { PlaybackEngine } from './playback-engine';
import classes from './player.module.css';
import { playerKeys } from './player-keys';
import { useFrame } from './use-frame';

/** The frame counter and the SMPTE timecode (HH:MM:SS:FF) of the frame on screen. */
export function FrameReadout({
  engine,
  fps,
  lastFrame,
}: {
  engine: PlaybackEngine;
  fps: number;
  lastFrame: number;
}) {
  const frame = useFrame(engine);
  return (
    <>
      <Text className={classes.readout} data-testid="player-counter">
        Frame {frame} / {lastFrame}
      </Text>
      <Text className={classes.readout} c="dimmed" data-testid="player-timecode">
        {formatTimecode(frame, fps)}
      </Text>
    </>
  );
}

export function Control({
  label,
  onClick,
  children,
  testId,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={label}
        // a click leaves the focus on the player, so Space keeps meaning play / pause
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
        data-testid={testId}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

/** Go to a frame number or a timecode. */
export function GoTo({ fps, onGo }: { fps: number; onGo: (frame: number) => void }) {
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const frame = parseFrameInput(text, fps);
        setBad(frame === null);
        if (frame !== null) {
          onGo(frame);
          setText('');
        }
      }}
    >
      <TextInput
        size="xs"
        w={120}
        placeholder="Go to frame / TC"
        aria-label="Go to a frame number or timecode"
        value={text}
        error={bad}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setBad(false);
        }}
      />
    </form>
  );
}

export function KeysHelp() {
  return (
    <Popover position="top-end" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" aria-label="Keyboard shortcuts">
          <KeyboardIcon size={16} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" fw={600} mb={4}>
          Keys (with the player or the page focused)
        </Text>
        {playerKeys.map((k) => (
          <Text key={k.keys} size="xs">
            <Text span ff="monospace" fw={600}>
              {k.keys}
            </Text>{' '}
            {k.does}
          </Text>
        ))}
      </Popover.Dropdown>
    </Popover>
  );
}

// A page for `bench/player.ts`, not part of the app: `count` players of one video (`src`, `fps`) on one lockstep
// transport, with their handles on `window.playerBench`. The bench builds it with Vite and lets a studio serve it.
import '@mantine/core/styles.css';
import { MantineProvider, SimpleGrid } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import { createLockstep, type Lockstep, type PlayerHandle, VideoPlayer } from '@/components/player';
import { cssVariablesResolver, theme } from '@/theme/theme';

declare global {
  interface Window {
    playerBench?: { handles: PlayerHandle[]; lockstep: Lockstep };
  }
}

const params = new URLSearchParams(window.location.search);
const src = params.get('src') ?? '';
const fps = Number(params.get('fps') ?? 24);
const count = Number(params.get('count') ?? 1);

function Grid() {
  const handles = useRef<PlayerHandle[]>([]);
  useEffect(() => {
    window.playerBench = { handles: handles.current, lockstep: createLockstep(handles.current, { fps }) };
  }, []);
  return (
    <SimpleGrid cols={Math.ceil(Math.sqrt(count))} spacing="xs" p="xs">
      {Array.from({ length: count }, (_, i) => (
        <VideoPlayer
          // biome-ignore lint/suspicious/noArrayIndexKey: the players never reorder
          key={i}
          ref={(h) => {
            if (h) handles.current[i] = h;
          }}
          src={src}
          fps={fps}
          loop
          keyboard={false}
        />
      ))}
    </SimpleGrid>
  );
}

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="dark">
    <Grid />
  </MantineProvider>,
);

// A small hand-made SVG line chart for one vital over a time window: the average as a line, the maximum as a
// faint band above it. Gaps (buckets without samples) break the line rather than bridging it.
import { Card, Group, Stack, Text, useMantineTheme } from '@mantine/core';

export interface ChartPoint {
  at: number;
  avg: number | null;
  max: number | null;
}

interface VitalsChartProps {
  title: string;
  points: ChartPoint[];
  from: number;
  to: number;
  /** Upper end of the y axis; the data's maximum when not given. */
  yMax?: number;
  format: (v: number) => string;
  color?: string;
}

const width = 560;
const height = 140;
const pad = { left: 44, right: 8, top: 8, bottom: 20 };

export function VitalsChart({ title, points, from, to, yMax, format, color = 'blue' }: VitalsChartProps) {
  const theme = useMantineTheme();
  const stroke = theme.colors[color]?.[6] ?? color;
  const values = points.flatMap((p) => [p.avg, p.max]).filter((v): v is number => v !== null);
  const top = Math.max(yMax ?? 0, ...values, 1);
  const x = (t: number) => pad.left + ((t - from) / Math.max(1, to - from)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - v / top) * (height - pad.top - pad.bottom);
  const step = points.length > 1 ? Math.min(...points.slice(1).map((p, i) => p.at - points[i]!.at)) : 0;
  // split into runs of consecutive buckets
  const runs: ChartPoint[][] = [];
  for (const p of points) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (run && prev && p.at - prev.at <= step * 1.5) run.push(p);
    else runs.push([p]);
  }
  const line = (run: ChartPoint[], key: 'avg' | 'max') =>
    run
      .filter((p) => p[key] !== null)
      .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.at).toFixed(1)},${y(p[key]!).toFixed(1)}`)
      .join(' ');
  const latest = points.at(-1);
  const time = (t: number) =>
    new Date(t).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

  return (
    <Card withBorder p="sm" data-testid="vitals-chart">
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {latest?.avg != null ? `now ${format(latest.avg)}` : 'no samples'}
            {values.length > 0 ? ` · peak ${format(Math.max(...values))}` : ''}
          </Text>
        </Group>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          role="img"
          aria-label={`${title} chart`}
          style={{ display: 'block' }}
        >
          {[0, 0.5, 1].map((f) => (
            <g key={f}>
              <line
                x1={pad.left}
                x2={width - pad.right}
                y1={y(top * f)}
                y2={y(top * f)}
                stroke="currentColor"
                strokeOpacity={0.12}
              />
              <text
                x={pad.left - 4}
                y={y(top * f) + 3}
                textAnchor="end"
                fontSize={10}
                fill="currentColor"
                opacity={0.6}
              >
                {format(top * f)}
              </text>
            </g>
          ))}
          <text x={pad.left} y={height - 4} fontSize={10} fill="currentColor" opacity={0.6}>
            {time(from)}
          </text>
          <text
            x={width - pad.right}
            y={height - 4}
            fontSize={10}
            textAnchor="end"
            fill="currentColor"
            opacity={0.6}
          >
            {time(to)}
          </text>
          {runs.map((run) => (
            <g key={run[0]!.at}>
              <path d={line(run, 'max')} fill="none" stroke={stroke} strokeOpacity={0.3} strokeWidth={1} />
              <path d={line(run, 'avg')} fill="none" stroke={stroke} strokeWidth={1.8} />
              {run.length === 1 && run[0]!.avg !== null && (
                <circle cx={x(run[0]!.at)} cy={y(run[0]!.avg)} r={2} fill={stroke} />
              )}
            </g>
          ))}
        </svg>
      </Stack>
    </Card>
  );
}

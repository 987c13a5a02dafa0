// Health (green / yellow / red, PRD-046 §1.6) with why on hover, and the admin state.
import { Badge, Tooltip } from '@mantine/core';
import type { Worker } from '@/api/types';
import { adminStateLabels, healthLabels } from './worker-format';

const healthColors: Record<Worker['health'], string> = {
  unknown: 'gray',
  healthy: 'green',
  degraded: 'yellow',
  down: 'red',
};

const stateColors: Record<Worker['adminState'], string> = {
  enabled: 'blue',
  draining: 'orange',
  disabled: 'gray',
  decommissioned: 'dark',
};

export function WorkerHealthBadge({ worker }: { worker: Worker }) {
  const badge = (
    <Badge color={healthColors[worker.health]} variant="light" miw="max-content" data-testid="worker-health">
      {healthLabels[worker.health]}
    </Badge>
  );
  if (!worker.healthDetail) return badge;
  return (
    <Tooltip label={worker.healthDetail} multiline maw={360}>
      {badge}
    </Tooltip>
  );
}

export function WorkerStateBadge({ state }: { state: Worker['adminState'] }) {
  return (
    <Badge color={stateColors[state]} variant="outline" miw="max-content" data-testid="worker-state">
      {adminStateLabels[state]}
    </Badge>
  );
}

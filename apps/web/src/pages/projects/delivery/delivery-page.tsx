// A project's Delivery page (PRD-102): validate the project (optionally decoding every video), see what each
// character's folder in the ZIP will hold, deliver everything or only what changed, and follow the delivery
// history until the ZIP can be downloaded.
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Center,
  Code,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  ApproveIcon,
  DeliverIcon,
  DownloadIcon,
  EmptyList,
  ErrorIcon,
  LoadError,
  notifyError,
  notifySuccess,
  PageHeader,
  ValidateIcon,
  WarningIcon,
} from '@/components';
import { countOf } from '@/format/count';
import { formatDateTime } from '@/format/date-time';
import { formatFileSize } from '@/format/media';
import { useProject } from '../project-queries';
import {
  type Delivery,
  type DeliveryMode,
  type DeliveryValidation,
  isLive,
  useDeliveries,
  useOutputProfiles,
  useStartDelivery,
  useValidateDelivery,
  type ValidationProblem,
} from './delivery-queries';

const statusTones: Record<Delivery['status'], string> = {
  queued: 'gray',
  running: 'blue',
  ready: 'green',
  failed: 'red',
};

function ProblemList({ problems }: { problems: ValidationProblem[] }) {
  // errors first: they are what blocks the delivery
  const sorted = [...problems].sort(
    (a, b) => (a.severity === 'error' ? 0 : 1) - (b.severity === 'error' ? 0 : 1),
  );
  const errors = sorted.filter((p) => p.severity === 'error');
  const warnings = sorted.filter((p) => p.severity === 'warning');
  const group = (title: string, items: ValidationProblem[], tone: string) =>
    items.length > 0 && (
      <Stack gap={6} data-testid={`validation-${tone === 'red' ? 'errors' : 'warnings'}`}>
        <Text size="sm" fw={600} c={tone}>
          {title} ({items.length})
        </Text>
        {items.map((p, i) => (
          <Group
            // biome-ignore lint/suspicious/noArrayIndexKey: problems have no id; the list is replaced whole
            key={`${p.code}-${i}`}
            gap="xs"
            wrap="nowrap"
            align="flex-start"
            data-testid="validation-problem"
            data-code={p.code}
            data-severity={p.severity}
          >
            {p.severity === 'error' ? (
              <ErrorIcon size={16} color="var(--mantine-color-red-6)" />
            ) : (
              <WarningIcon size={16} color="var(--mantine-color-yellow-6)" />
            )}
            <Text size="sm" style={{ flex: 1 }}>
              {p.characterName && <b>{p.characterName}: </b>}
              {p.message}
            </Text>
            <Anchor component={Link} to={p.fix} size="sm" data-testid="problem-fix">
              Fix
            </Anchor>
          </Group>
        ))}
      </Stack>
    );
  return (
    <Stack gap="sm">
      {group('Errors', errors, 'red')}
      {group('Warnings', warnings, 'yellow')}
    </Stack>
  );
}

function Layout({ validation }: { validation: DeliveryValidation }) {
  if (validation.characters.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="layout-empty">
        No character would be delivered: add characters and approve their scenes first.
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid="zip-layout">
      {validation.characters.map((c) => (
        <Card key={c.id} withBorder padding="sm" data-testid="layout-character" data-folder={c.folder}>
          <Group justify="space-between" mb={6}>
            <Text fw={600} size="sm">
              {c.folder}/
            </Text>
            {c.changed && (
              <Badge size="sm" variant="light" color="orange" data-testid="layout-changed">
                changed
              </Badge>
            )}
          </Group>
          <Stack gap={2}>
            {c.files.map((f) => (
              <Group key={f.path} gap={6} wrap="nowrap" data-testid="layout-file" data-kind={f.kind}>
                <Badge size="xs" variant="default" w={64}>
                  {f.kind}
                </Badge>
                <Code>{f.path}</Code>
              </Group>
            ))}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function ValidationPanel({
  projectId,
  profileId,
  onResult,
}: {
  projectId: string;
  profileId: string | null;
  onResult: (v: DeliveryValidation | null) => void;
}) {
  const validate = useValidateDelivery(projectId);
  const [deep, setDeep] = useState(false);
  const v = validate.data;
  const run = (d: boolean) => {
    setDeep(d);
    validate.mutate(
      { profileId, deep: d },
      { onSuccess: (result) => onResult(result), onError: () => onResult(null) },
    );
  };
  const errors = v?.problems.filter((p) => p.severity === 'error').length ?? 0;
  return (
    <Card withBorder data-testid="validation-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>Validation</Text>
            {v && (
              <Badge
                color={v.ok ? 'green' : 'red'}
                variant="light"
                data-testid="validation-status"
                data-ok={v.ok}
              >
                {v.ok ? 'OK' : 'Blocked'}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Button
              leftSection={<ValidateIcon size={16} />}
              onClick={() => run(false)}
              loading={validate.isPending && !deep}
              disabled={validate.isPending}
              data-testid="validate"
            >
              Validate
            </Button>
            <Button
              variant="default"
              onClick={() => run(true)}
              loading={validate.isPending && deep}
              disabled={validate.isPending}
              data-testid="validate-deep"
            >
              Deep check (decode every video)
            </Button>
          </Group>
        </Group>
        {validate.isError && (
          <LoadError what="the validation" error={validate.error} onRetry={() => run(deep)} />
        )}
        {!v && !validate.isError && (
          <Text size="sm" c="dimmed" data-testid="validation-empty">
            Validate the project to see what would block a delivery and what the ZIP would hold.
          </Text>
        )}
        {v && (
          <>
            <Text size="sm" c="dimmed" data-testid="validation-summary">
              {v.ok
                ? 'Nothing blocks a delivery.'
                : `${countOf(errors, 'error')} must be fixed before delivering.`}{' '}
              {v.checkedFiles > 0 && `${countOf(v.checkedFiles, 'video')} decoded in full. `}
              {v.lastDelivery &&
                `Last delivery: #${v.lastDelivery.number}, ${formatDateTime(v.lastDelivery.createdAt)}.`}
            </Text>
            {v.ok && v.problems.length === 0 && (
              <Group gap={6} c="green">
                <ApproveIcon size={16} />
                <Text size="sm">Every scene is approved and assembled.</Text>
              </Group>
            )}
            <ProblemList problems={v.problems} />
            <Text fw={600} size="sm" mt="xs">
              ZIP layout
            </Text>
            <Layout validation={v} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function HistoryRow({ d }: { d: Delivery }) {
  return (
    <Table.Tr data-testid="delivery-row" data-number={d.number} data-status={d.status}>
      <Table.Td>#{d.number}</Table.Td>
      <Table.Td>{d.mode === 'full' ? 'Full' : 'Changes only'}</Table.Td>
      <Table.Td>{d.profile?.name ?? 'Masters'}</Table.Td>
      <Table.Td miw={140}>
        <Stack gap={4}>
          <Badge variant="light" color={statusTones[d.status]} tt="none" data-testid="delivery-status">
            {d.status}
          </Badge>
          {isLive(d) && (
            <Progress
              value={d.progress * 100}
              size="sm"
              striped
              animated
              aria-label="Delivery progress"
              data-testid="delivery-progress"
            />
          )}
          {d.status === 'failed' && d.error && (
            <Text size="xs" c="red" data-testid="delivery-error">
              {d.error}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td ta="right">{d.characters.length}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {d.sizeBytes === null ? '—' : formatFileSize(d.sizeBytes)}
      </Table.Td>
      <Table.Td>
        {d.sha256 ? (
          <Tooltip label={d.sha256}>
            <Code>{d.sha256.slice(0, 12)}</Code>
          </Tooltip>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{d.requestedBy?.displayName ?? '—'}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.createdAt)}</Table.Td>
      <Table.Td>
        {d.status === 'ready' && d.downloadUrl && (
          <Anchor
            href={d.downloadUrl}
            download={`delivery-${d.number}.zip`}
            size="sm"
            data-testid="delivery-download"
          >
            <Group gap={4} wrap="nowrap">
              <DownloadIcon size={14} />
              Download
            </Group>
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function History({ projectId }: { projectId: string }) {
  const history = useDeliveries(projectId);
  if (history.isError && !history.data)
    return <LoadError what="the deliveries" error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Skeleton height={120} />;
  const items = history.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <EmptyList
        icon={<DeliverIcon size={28} />}
        title="No deliveries yet"
        description="Validate the project above; once nothing blocks it, choose Deliver (full). Its ZIP can be downloaded here when it is ready."
      />
    );
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={960}>
        <Table verticalSpacing="xs" aria-label="Deliveries" data-testid="delivery-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>#</Table.Th>
              <Table.Th>Mode</Table.Th>
              <Table.Th>Profile</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Characters</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>Requested by</Table.Th>
              <Table.Th>Date</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <HistoryRow key={d.id} d={d} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {history.hasNextPage && (
        <Center>
          <Button
            variant="default"
            loading={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
            data-testid="deliveries-more"
          >
            Load more
          </Button>
        </Center>
      )}
    </Stack>
  );
}

export function DeliveryPage() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const profiles = useOutputProfiles();
  const [profileId, setProfileId] = useState<string | null>(null);
  const [validation, setValidation] = useState<DeliveryValidation | null>(null);
  const start = useStartDelivery(projectId);
  const blocked = validation !== null && !validation.ok;

  const deliver = (mode: DeliveryMode) =>
    start.mutate(
      { mode, profileId },
      {
        onSuccess: (d) => notifySuccess(`Delivery #${d.number} is being packed.`),
        onError: (e) => notifyError(e, 'Could not start the delivery'),
      },
    );
  const blockedTip = 'Fix the validation errors first';

  return (
    <Stack gap="md">
      <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
        <Anchor component={Link} to="/projects" size="sm" c="dimmed">
          Projects
        </Anchor>
        <Anchor component={Link} to={`/projects/${projectId}?tab=generation`} size="sm" c="dimmed">
          {project.data?.data.name ?? 'Project'}
        </Anchor>
        <Text size="sm" aria-current="page">
          Delivery
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Delivery"
        description="A ZIP with one folder per character: its approved final videos, images and metadata, with a checksummed manifest."
      />
      <Group align="flex-end" gap="sm">
        {profiles.data && (
          <Select
            label="Output profile"
            placeholder="Masters (as generated)"
            data={profiles.data.items.map((p) => ({ value: p.id, label: p.name }))}
            value={profileId}
            onChange={(v) => {
              setProfileId(v);
              setValidation(null);
            }}
            clearable
            w={280}
            data-testid="profile-select"
          />
        )}
        <Tooltip label={blockedTip} disabled={!blocked}>
          {/* a disabled button gets no pointer events: the span shows the tooltip */}
          <span>
            <Button
              leftSection={<DeliverIcon size={16} />}
              onClick={() => deliver('full')}
              disabled={blocked}
              loading={start.isPending && start.variables?.mode === 'full'}
              data-testid="deliver-full"
            >
              Deliver (full)
            </Button>
          </span>
        </Tooltip>
        <Tooltip label={blockedTip} disabled={!blocked}>
          {/* a disabled button gets no pointer events: the span shows the tooltip */}
          <span>
            <Button
              variant="default"
              onClick={() => deliver('incremental')}
              disabled={blocked}
              loading={start.isPending && start.variables?.mode === 'incremental'}
              data-testid="deliver-incremental"
            >
              Deliver changes only
            </Button>
          </span>
        </Tooltip>
      </Group>
      {start.isError && (
        <Alert color="red" variant="light" title="The delivery did not start" data-testid="deliver-error">
          {start.error.message}
        </Alert>
      )}
      <ValidationPanel projectId={projectId} profileId={profileId} onResult={setValidation} />
      <Card withBorder>
        <Stack gap="sm">
          <Text fw={600}>Deliveries</Text>
          <History projectId={projectId} />
        </Stack>
      </Card>
    </Stack>
  );
}

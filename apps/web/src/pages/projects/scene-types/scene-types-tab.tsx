// The scene types a project can use: the studio-wide ones and its own, with what each delivers and applies to.
// Creators and admins add, switch on or off, edit and delete them while the project is not locked.
import { roleCan } from '@i2v/domain';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Menu,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ImageVariantType, Project, SceneType } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  AddIcon,
  ConfirmDialog,
  EditIcon,
  EmptyList,
  ExpandIcon,
  LoadError,
  notifyError,
  notifySuccess,
  SceneTypesIcon,
  StudioScopeIcon,
  TableSkeleton,
  TrashIcon,
} from '@/components';
import { useVariantTypes } from '@/pages/settings/variant-types/variant-type-queries';
import { tones } from '@/theme/tokens';
import { ReadOnlyReason } from '../characters/read-only-reason';
import {
  applicabilitySummary,
  durationSummary,
  sceneTypePath,
  sceneTypeWriteBlockOf,
} from './scene-type-fields';
import { useDeleteSceneType, useSceneTypes, useUpdateSceneType } from './scene-type-queries';

const columnCount = 7;

interface RowProps {
  sceneType: SceneType;
  project: Project;
  variantTypes: readonly ImageVariantType[];
  blocked: string | null;
  onDelete: (sceneType: SceneType) => void;
}

function SceneTypeRow({ sceneType, project, variantTypes, blocked, onDelete }: RowProps) {
  const update = useUpdateSceneType();
  const studio = sceneType.projectId === null;
  const editPath = sceneTypePath(project.id, sceneType.id);
  const toggle = (enabled: boolean) =>
    update.mutate(
      { id: sceneType.id, changes: { enabled } },
      {
        onError: (error) => notifyError(error, `Could not ${enabled ? 'enable' : 'disable'} the scene type`),
      },
    );
  // Studio-wide types are shared by every project: they change only in the editor, with a warning there.
  const switchDisabledReason = blocked ?? (studio ? 'Studio-wide: change it in the editor' : null);

  return (
    <Table.Tr data-testid="scene-type-row" data-scene-type-name={sceneType.name}>
      <Table.Td>
        <Stack gap={2}>
          <Group gap="xs" wrap="nowrap">
            <Text component={Link} to={editPath} fw={600} size="sm" td="none" c="inherit">
              {sceneType.name}
            </Text>
            {studio && (
              <Badge
                size="xs"
                variant="light"
                color={tones.studioScope}
                leftSection={<StudioScopeIcon size={10} />}
                data-testid="studio-badge"
              >
                Studio
              </Badge>
            )}
          </Group>
          {sceneType.description && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {sceneType.description}
            </Text>
          )}
          {sceneType.tags.length > 0 && (
            <Group gap={4} data-testid="scene-type-tags">
              {sceneType.tags.map((tag) => (
                <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Code>{sceneType.contentName}</Code>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{applicabilitySummary(sceneType.applicability, variantTypes)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{durationSummary(sceneType)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={sceneType.loras.length ? undefined : 'dimmed'}>
          {sceneType.loras.length}
        </Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={switchDisabledReason} disabled={!switchDisabledReason}>
          <span>
            <Switch
              checked={sceneType.enabled}
              disabled={!!switchDisabledReason || update.isPending}
              onChange={(event) => toggle(event.currentTarget.checked)}
              aria-label={`${sceneType.name} enabled`}
            />
          </span>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Tooltip label={blocked ? 'View' : 'Edit'}>
            <ActionIcon
              component={Link}
              to={editPath}
              variant="subtle"
              color="gray"
              aria-label={`${blocked ? 'View' : 'Edit'} ${sceneType.name}`}
            >
              <EditIcon size={16} />
            </ActionIcon>
          </Tooltip>
          {!blocked && (
            <Tooltip label="Delete">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Delete ${sceneType.name}`}
                onClick={() => onDelete(sceneType)}
              >
                <TrashIcon size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function SceneTypesTab({ project }: { project: Project }) {
  const user = useCurrentUser();
  const blocked = sceneTypeWriteBlockOf(project, roleCan(user.role, 'content.write'));
  const navigate = useNavigate();
  const list = useSceneTypes(project.id);
  const types = useVariantTypes();
  const remove = useDeleteSceneType();
  const [deleting, setDeleting] = useState<SceneType | null>(null);

  const newButton = (
    <Group gap={0} wrap="nowrap">
      <Button
        leftSection={<AddIcon size={16} />}
        onClick={() => navigate(sceneTypePath(project.id, 'new'))}
        style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
      >
        New scene type
      </Button>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon
            size={36}
            aria-label="More ways to create a scene type"
            style={{
              borderTopLeftRadius: 0,
              borderBottomLeftRadius: 0,
              borderLeft: '1px solid rgba(255,255,255,0.3)',
            }}
          >
            <ExpandIcon size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<AddIcon size={14} />}
            onClick={() => navigate(sceneTypePath(project.id, 'new'))}
          >
            For this project
          </Menu.Item>
          <Menu.Item
            leftSection={<StudioScopeIcon size={14} />}
            onClick={() => navigate(sceneTypePath(project.id, 'new', 'studio'))}
          >
            Studio-wide (every project)
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );

  const confirmDelete = () => {
    if (!deleting) return;
    const target = deleting;
    remove.mutate(target, {
      onSuccess: () => {
        setDeleting(null);
        notifySuccess(`"${target.name}" was deleted.`, 'Scene type deleted');
      },
      onError: (error) => {
        setDeleting(null);
        notifyError(error, 'Could not delete the scene type');
      },
    });
  };

  const items = list.data;
  let body: ReactNode;
  if (list.isError) {
    body = <LoadError what="scene types" error={list.error} onRetry={() => void list.refetch()} />;
  } else if (items && items.length === 0) {
    body = (
      <EmptyList
        title="No scene types yet"
        icon={<SceneTypesIcon size={28} />}
        description="A scene type is a reusable recipe — workflow, LoRAs, prompts, durations and the image variants it applies to — stamped across every character of the project."
        action={blocked ? undefined : newButton}
      />
    );
  } else {
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" highlightOnHover aria-label="Scene types">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Content name</Table.Th>
                <Table.Th>Applies to</Table.Th>
                <Table.Th>Durations</Table.Th>
                <Table.Th>LoRAs</Table.Th>
                <Table.Th>Enabled</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            {items ? (
              <Table.Tbody>
                {items.map((sceneType) => (
                  <SceneTypeRow
                    key={sceneType.id}
                    sceneType={sceneType}
                    project={project}
                    variantTypes={types.data ?? []}
                    blocked={blocked}
                    onDelete={setDeleting}
                  />
                ))}
              </Table.Tbody>
            ) : (
              <TableSkeleton columns={columnCount} rows={3} />
            )}
          </Table>
        </Table.ScrollContainer>
      </Card>
    );
  }

  return (
    <>
      <Group justify="space-between" align="center" gap="md" wrap="wrap" mb="md">
        <Text size="sm" c="dimmed" maw={640}>
          Studio-wide scene types serve every project; this project's own ones serve only it. Enabled types
          become columns of the scene matrix.
        </Text>
        {blocked ? <ReadOnlyReason reason={blocked} /> : newButton}
      </Group>
      {body}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete scene type?"
        confirmLabel="Delete scene type"
        danger
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        {deleting?.projectId === null
          ? `"${deleting?.name}" is studio-wide: it disappears from every project.`
          : `"${deleting?.name}" disappears from this project's scene types and matrix.`}
      </ConfirmDialog>
    </>
  );
}

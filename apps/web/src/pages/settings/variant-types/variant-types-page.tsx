// Studio data: the kinds of seed image a character can have (image variant types) and the file-name prefix of each.
import { roleCan } from '@i2v/domain';
import { Button, Card, Code } from '@mantine/core';
import { useState } from 'react';
import type { ImageVariantType } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  AddIcon,
  ConfirmDialog,
  EmptyList,
  LoadError,
  notifySuccess,
  PageHeader,
  VariantTypesIcon,
} from '@/components';
import { CreateVariantTypeModal } from './create-variant-type-modal';
import { EditVariantTypeModal } from './edit-variant-type-modal';
import { exampleFileName, exampleSceneType } from './variant-type-naming';
import { useDeleteVariantType, useUpdateVariantType, useVariantTypes } from './variant-type-queries';
import type { VariantTypeAction } from './variant-type-row';
import { VariantTypesTable } from './variant-types-table';

interface PendingAction {
  type: ImageVariantType;
  action: Exclude<VariantTypeAction, 'edit'>;
}

export function VariantTypesPage() {
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const types = useVariantTypes();
  const makeDefault = useUpdateVariantType();
  const remove = useDeleteVariantType();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ImageVariantType | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const currentDefault = types.data?.find((type) => type.isDefault);

  const onAction = (type: ImageVariantType, action: VariantTypeAction) => {
    if (action === 'edit') setEditing(type);
    else setPending({ type, action });
  };

  const confirm = () => {
    if (!pending) return;
    const { type, action } = pending;
    if (action === 'delete') {
      remove.mutate(type, {
        onSuccess: () => notifySuccess(`"${type.name}" was deleted.`),
        onSettled: () => setPending(null),
      });
      return;
    }
    makeDefault.mutate(
      { type, changes: { isDefault: true } },
      {
        onSuccess: () => notifySuccess(`"${type.name}" is now the default variant type.`),
        onSettled: () => setPending(null),
      },
    );
  };

  const newButton = (
    <Button leftSection={<AddIcon size={16} />} onClick={() => setCreating(true)}>
      New variant type
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Image variant types"
        description={
          <>
            The kinds of seed image a character can have, such as casual or formal; every scene is generated
            from one of them. A type's file prefix starts the names of its delivered videos: a{' '}
            {exampleSceneType} scene made from the formal image is delivered as{' '}
            <Code>{exampleFileName('formal')}</Code>. The default type has no prefix, so its video is just{' '}
            <Code>{exampleFileName('')}</Code>.
          </>
        }
        actions={canWrite ? newButton : undefined}
      />
      {types.isError ? (
        <LoadError what="image variant types" error={types.error} onRetry={() => void types.refetch()} />
      ) : (
        <Card p={0}>
          <VariantTypesTable
            types={types.data}
            onAction={canWrite ? onAction : null}
            empty={
              <EmptyList
                title="No image variant types yet"
                icon={<VariantTypesIcon size={28} />}
                description="Characters need at least one kind of seed image. Create the default type first."
                action={canWrite ? newButton : undefined}
              />
            }
          />
        </Card>
      )}
      <CreateVariantTypeModal
        opened={creating}
        currentDefault={currentDefault}
        onClose={() => setCreating(false)}
        onCreated={(type) => notifySuccess(`"${type.name}" was created.`)}
      />
      <EditVariantTypeModal type={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={pending !== null}
        title={pending?.action === 'delete' ? 'Delete variant type' : 'Make default'}
        confirmLabel={pending?.action === 'delete' ? 'Delete' : 'Make default'}
        danger={pending?.action === 'delete'}
        loading={remove.isPending || makeDefault.isPending}
        onConfirm={confirm}
        onCancel={() => !(remove.isPending || makeDefault.isPending) && setPending(null)}
      >
        {pending?.action === 'delete' && (
          <>
            <b>{pending.type.name}</b> (<Code>{pending.type.slug}</Code>) will no longer be offered as a kind
            of seed image. This cannot be undone.
          </>
        )}
        {pending?.action === 'make-default' && (
          <>
            <b>{pending.type.name}</b> becomes the default: its videos lose their prefix, so a{' '}
            {exampleSceneType} scene is delivered as <Code>{exampleFileName('')}</Code>.
            {currentDefault && (
              <>
                {' '}
                <b>{currentDefault.name}</b> stops being the default and gets its slug as prefix:{' '}
                <Code>{exampleFileName(currentDefault.slug)}</Code>.
              </>
            )}
          </>
        )}
      </ConfirmDialog>
    </>
  );
}

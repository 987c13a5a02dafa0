// The characters of a project as a grid of cards, with their readiness hints; creators and admins add new ones.
import { roleCan } from '@i2v/domain';
import { Box, Button, Group, SegmentedControl, SimpleGrid, TagsInput, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Project } from '@/api/types';
import { useCurrentUser } from '@/auth/use-session';
import {
  AddIcon,
  CharactersIcon,
  ClearFiltersIcon,
  EmptyList,
  LoadError,
  LoadMore,
  notifySuccess,
  SearchIcon,
  UploadIcon,
} from '@/components';
import { useVariantTypes } from '@/pages/settings/variant-types/variant-type-queries';
import { BulkTagBar } from './bulk-tag-bar';
import { CharacterCard, CharacterCardSkeleton } from './character-card';
import { characterWriteBlockOf } from './character-fields';
import { useCharacterPages, useTagSuggestions } from './character-queries';
import { CreateCharacterModal } from './create-character-modal';
import { ReadOnlyReason } from './read-only-reason';
import { ReadinessView } from './readiness-view';
import { TrashView } from './trash-view';

const gridColumns = { base: 2, xs: 3, md: 4, lg: 5 };

export function CharactersTab({ project }: { project: Project }) {
  const user = useCurrentUser();
  const canWrite = roleCan(user.role, 'content.write');
  const blocked = characterWriteBlockOf(project, canWrite);
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [creating, setCreating] = useState(false);
  const [tagFilter, setTagFilter] = useState<string[]>([]);
  const [view, setView] = useState<'cards' | 'readiness' | 'trash'>('cards');
  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const tagSuggestions = useTagSuggestions('');
  const pages = useCharacterPages(project.id, q, tagFilter);
  const types = useVariantTypes();
  const characters = pages.data?.pages.flatMap((page) => page.items);
  const typeCount = types.data?.length;

  const newButton = (
    <Button leftSection={<AddIcon size={16} />} onClick={() => setCreating(true)}>
      New character
    </Button>
  );
  const importButton = (
    <Button
      variant="default"
      leftSection={<UploadIcon size={16} />}
      onClick={() => navigate(`/projects/${project.id}/imports`)}
      data-testid="import-characters"
    >
      Import folder
    </Button>
  );

  let empty: ReactNode;
  if (search.trim()) {
    empty = (
      <EmptyList
        title="No characters match this search"
        icon={<SearchIcon size={28} />}
        description={`No character of this project has "${search.trim()}" in its name.`}
        action={
          <Button
            variant="default"
            leftSection={<ClearFiltersIcon size={16} />}
            onClick={() => setSearch('')}
          >
            Clear search
          </Button>
        }
      />
    );
  } else if (!blocked) {
    empty = (
      <EmptyList
        title="No characters yet — add the first one"
        icon={<CharactersIcon size={28} />}
        description="A character is one identity in this project. Add one and give it a source image, or import a whole folder of characters at once."
        action={
          <Group gap="sm">
            {newButton}
            {importButton}
          </Group>
        }
      />
    );
  } else if (canWrite) {
    empty = <EmptyList title="No characters yet" icon={<CharactersIcon size={28} />} description={blocked} />;
  } else {
    empty = (
      <EmptyList
        title="No characters yet — a creator will add them"
        icon={<CharactersIcon size={28} />}
        description="Characters appear here as soon as a creator or admin adds them; you can open each one to review its images."
      />
    );
  }

  let grid: ReactNode;
  if (pages.isError && !characters) {
    grid = <LoadError what="characters" error={pages.error} onRetry={() => void pages.refetch()} />;
  } else if (!characters) {
    grid = (
      <SimpleGrid cols={gridColumns} spacing="md" data-testid="character-grid-skeleton">
        {Array.from({ length: 8 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cards have no identity
          <CharacterCardSkeleton key={i} />
        ))}
      </SimpleGrid>
    );
  } else if (characters.length === 0) {
    grid = empty;
  } else {
    grid = (
      <>
        <SimpleGrid cols={gridColumns} spacing="md" data-testid="character-grid" aria-label="Characters">
          {characters.map((character) => (
            <CharacterCard
              key={character.id}
              character={character}
              typeCount={typeCount}
              selection={
                selecting ? { selected: selected.includes(character.id), onToggle: toggle } : undefined
              }
            />
          ))}
        </SimpleGrid>
        <LoadMore
          shown={characters.length}
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onLoadMore={() => void pages.fetchNextPage()}
          noun="character"
        />
      </>
    );
  }

  return (
    <>
      <Group justify="space-between" align="center" gap="md" wrap="wrap" mb="md">
        <SegmentedControl
          value={view}
          onChange={(v) => {
            setView(v as 'cards' | 'readiness' | 'trash');
            setSelecting(false);
          }}
          data={[
            { value: 'cards', label: 'Cards' },
            { value: 'readiness', label: 'Readiness' },
            { value: 'trash', label: 'Trash' },
          ]}
          aria-label="Characters view"
          data-testid="characters-view"
        />
        {view === 'cards' && (
          <>
            <TextInput
              aria-label="Search characters"
              placeholder="Search characters by name"
              leftSection={<SearchIcon size={16} />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              type="search"
              w={300}
              maw="100%"
            />
            <TagsInput
              aria-label="Filter by tags"
              placeholder={tagFilter.length === 0 ? 'Filter by tags (all must match)' : undefined}
              data={tagSuggestions.data ?? []}
              value={tagFilter}
              onChange={(tags) => setTagFilter(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))}
              clearable
              w={320}
              maw="100%"
              data-testid="tag-filter"
            />
          </>
        )}
        {blocked ? (
          <ReadOnlyReason reason={blocked} />
        ) : (
          <Group gap="sm">
            {view === 'cards' && (
              <Button
                variant={selecting ? 'filled' : 'default'}
                onClick={() => {
                  setSelecting((v) => !v);
                  setSelected([]);
                }}
                data-testid="select-characters"
              >
                {selecting ? 'Done selecting' : 'Select'}
              </Button>
            )}
            {importButton}
            {newButton}
          </Group>
        )}
      </Group>
      {view === 'readiness' && <ReadinessView projectId={project.id} />}
      {view === 'trash' && <TrashView project={project} canEdit={canWrite && !blocked} />}
      {view === 'cards' && pages.isError && characters && (
        <Box mb="md">
          <LoadError what="characters" error={pages.error} onRetry={() => void pages.refetch()} />
        </Box>
      )}
      {view === 'cards' && selecting && (
        <BulkTagBar projectId={project.id} selected={selected} onDone={() => setSelected([])} />
      )}
      {view === 'cards' && grid}
      <CreateCharacterModal
        projectId={project.id}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(character) => {
          notifySuccess(`"${character.name}" was added. Upload its source image next.`, 'Character created');
          navigate(`/projects/${project.id}/characters/${character.id}`);
        }}
      />
    </>
  );
}

// A project's test shot gallery (PRD-058): every test shot of its scenes, filtered by scene type and character,
// newest or best QA first. The filters live in the address, so a scene page can link to its scene type's shots.
import {
  Anchor,
  Breadcrumbs,
  Button,
  Center,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ClearFiltersIcon, CompareIcon, DryRunIcon, EmptyList, LoadError, PageHeader } from '@/components';
import { countOf } from '@/format/count';
import { useCharacter, useCharacterPages } from '../characters/character-queries';
import { compareUrl, maxCells } from '../compare/compare-sources';
import { useProject } from '../project-queries';
import { useSceneTypes } from '../scene-types/scene-type-queries';
import { TestShotGalleryCard } from './test-shot-gallery-card';
import { type TestShotSort, useTestShotGallery } from './test-shot-queries';

const pageSize = 60;
const maxLimit = 200;

export function CharacterFilter({
  projectId,
  value,
  onChange,
}: {
  projectId: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useCharacterPages(projectId, q);
  // the chosen character may not be among the first found: its name comes from its own record
  const chosen = useCharacter(value ?? '', value !== null);
  const options = new Map((found.data?.pages[0]?.items ?? []).map((c) => [c.id, c.name]));
  if (value && chosen.data) options.set(value, chosen.data.name);
  return (
    <Select
      label="Character"
      placeholder="All characters"
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      clearable
      nothingFoundMessage="No character by that name"
      w={240}
      data-testid="character-filter"
    />
  );
}

export function TestShotsPage() {
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const sceneTypeId = params.get('sceneTypeId');
  const characterId = params.get('characterId');
  const sort: TestShotSort = params.get('sort') === 'quality' ? 'quality' : 'newest';
  const [limit, setLimit] = useState(pageSize);
  /** File ids of the clips picked for the sync-play grid, in the order picked. */
  const [picked, setPicked] = useState<string[]>([]);
  const project = useProject(projectId);
  const sceneTypes = useSceneTypes(projectId);
  const shots = useTestShotGallery(projectId, { sceneTypeId, characterId, sort, limit });
  const items = shots.data?.items;
  const filtered = sceneTypeId !== null || characterId !== null;

  const setFilters = (changes: Record<string, string | null>) => {
    setLimit(pageSize);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  };

  return (
    <Stack gap="md">
      <Breadcrumbs separator="/" separatorMargin={6} aria-label="Breadcrumb">
        <Anchor component={Link} to="/projects" size="sm" c="dimmed">
          Projects
        </Anchor>
        <Anchor component={Link} to={`/projects/${projectId}?tab=matrix`} size="sm" c="dimmed">
          {project.data?.data.name ?? 'Project'}
        </Anchor>
        <Text size="sm" aria-current="page">
          Test shots
        </Text>
      </Breadcrumbs>
      <PageHeader
        title="Test shots"
        description="Quick single segments that try a scene type on a character before a full generation. Compare them here; promote a good one to segment 1 from its scene."
      />
      <Group align="flex-end" gap="sm" data-testid="test-shot-filters">
        <Select
          label="Scene type"
          placeholder="All scene types"
          data={(sceneTypes.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={sceneTypeId}
          onChange={(v) => setFilters({ sceneTypeId: v })}
          searchable
          clearable
          w={240}
          data-testid="scene-type-filter"
        />
        <CharacterFilter
          projectId={projectId}
          value={characterId}
          onChange={(v) => setFilters({ characterId: v })}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Sort
          </Text>
          <SegmentedControl
            value={sort}
            onChange={(v) => setFilters({ sort: v === 'quality' ? 'quality' : null })}
            data={[
              { value: 'newest', label: 'Newest' },
              { value: 'quality', label: 'Best QA' },
            ]}
            aria-label="Sort"
          />
        </Stack>
        <Button
          component={Link}
          to={compareUrl(projectId, { videos: picked })}
          variant="light"
          leftSection={<CompareIcon size={16} />}
          disabled={picked.length < 2}
          onClick={(e) => {
            if (picked.length < 2) e.preventDefault();
          }}
          data-testid="compare-selected"
        >
          Compare selected{picked.length > 0 ? ` (${picked.length})` : ''}
        </Button>
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<ClearFiltersIcon size={16} />}
            onClick={() => setFilters({ sceneTypeId: null, characterId: null })}
          >
            Clear filters
          </Button>
        )}
      </Group>
      {shots.isError ? (
        <LoadError what="the test shots" error={shots.error} onRetry={() => void shots.refetch()} />
      ) : !items ? (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4, lg: 5 }} spacing="sm">
          {Array.from({ length: 5 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have nothing else to key by
            <Skeleton key={i} height={220} />
          ))}
        </SimpleGrid>
      ) : items.length === 0 ? (
        <EmptyList
          icon={<DryRunIcon size={28} />}
          title={filtered ? 'No test shots match these filters' : 'No test shots yet'}
          description={
            <>
              Open a scene from the project's matrix and click <b>Test shot</b> next to Generate: it renders
              one short draft segment of the scene type for that character, beside the scene's own segments.
              Its QA verdict shows here and on the scene, where a shot that passed can become segment 1.
            </>
          }
          action={
            <Button component={Link} to={`/projects/${projectId}?tab=matrix`} variant="light">
              Open the matrix
            </Button>
          }
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4, lg: 5 }} spacing="sm" data-testid="test-shot-gallery">
            {items.map((s) => (
              <TestShotGalleryCard
                key={s.id}
                shot={s}
                projectId={projectId}
                selected={s.output ? picked.includes(s.output.id) : false}
                onSelect={(on) => {
                  const id = s.output?.id;
                  if (!id) return;
                  setPicked((p) =>
                    on
                      ? p.includes(id) || p.length >= maxCells
                        ? p
                        : [...p, id]
                      : p.filter((x) => x !== id),
                  );
                }}
              />
            ))}
          </SimpleGrid>
          <Center>
            {items.length >= limit && limit < maxLimit ? (
              <Button
                variant="default"
                loading={shots.isFetching}
                onClick={() => setLimit((l) => Math.min(maxLimit, l + pageSize))}
              >
                Show more
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {items.length >= maxLimit
                  ? `The ${maxLimit} ${sort === 'quality' ? 'best' : 'newest'} shown: narrow the filters to see others`
                  : `${countOf(items.length, 'test shot')} shown`}
              </Text>
            )}
          </Center>
        </>
      )}
    </Stack>
  );
}

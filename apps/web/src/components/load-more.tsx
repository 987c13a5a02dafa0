import { Button, Center, Text } from '@mantine/core';

interface LoadMoreProps {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  noun: string;
  /** The button's text; "Load more" unless the list needs to say what more. */
  label?: string;
}

/** Footer of a cursor-paginated list. */
export function LoadMore({ shown, hasMore, loading, onLoadMore, noun, label = 'Load more' }: LoadMoreProps) {
  return (
    <Center py="md">
      {hasMore ? (
        <Button variant="default" loading={loading} onClick={onLoadMore} data-testid="load-more">
          {label}
        </Button>
      ) : (
        <Text size="xs" c="dimmed">
          {shown === 1 ? `The only ${noun}` : `All ${shown} ${noun}s`} shown
        </Text>
      )}
    </Center>
  );
}

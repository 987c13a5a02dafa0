import { Button, Center, Text } from '@mantine/core';

interface LoadMoreProps {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  noun: string;
}

/** Footer of a cursor-paginated list. */
export function LoadMore({ shown, hasMore, loading, onLoadMore, noun }: LoadMoreProps) {
  return (
    <Center py="md">
      {hasMore ? (
        <Button variant="default" loading={loading} onClick={onLoadMore} data-testid="load-more">
          Load more
        </Button>
      ) : (
        <Text size="xs" c="dimmed">
          {shown === 1 ? `The only ${noun}` : `All ${shown} ${noun}s`} shown
        </Text>
      )}
    </Center>
  );
}

import { Center, Loader } from '@mantine/core';

/** While a page's code loads on first visit. */
export function PageLoader() {
  return (
    <Center py="xl" data-testid="page-loader">
      <Loader type="dots" />
    </Center>
  );
}

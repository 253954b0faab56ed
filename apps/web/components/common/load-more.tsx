import type { ReactNode } from 'react';
import { Button } from '../ui/button';

/** What LoadMore reads from a TanStack infinite query. */
export interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The button under a paged list that fetches its next page; gone after the last page. */
export function LoadMore({ query, children }: { query: PagedQuery; children: ReactNode }) {
  if (!query.hasNextPage) return null;
  return (
    <div className="flex justify-center">
      <Button
        pending={query.isFetchingNextPage}
        variant="outline"
        onClick={() => void query.fetchNextPage()}
        disabled={query.isFetchingNextPage}
      >
        {children}
      </Button>
    </div>
  );
}

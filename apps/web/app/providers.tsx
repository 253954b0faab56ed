'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { useEffect, useState, type ReactNode } from 'react';
import { Toaster } from 'sonner';
import { bootstrapSession, onSignOut } from '../lib/session';
import { TRPCProvider, createClient } from '../lib/trpc';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal (4xx) will not change on retry; a blip on the network may.
        retry: (failureCount, error) => {
          if (error instanceof TRPCClientError) {
            const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
            if (status !== undefined && status < 500) return false;
          }
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(createClient);

  useEffect(() => {
    bootstrapSession();
    // Nothing of one user's data survives their session.
    return onSignOut(() => queryClient.clear());
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
        <Toaster position="bottom-right" richColors closeButton />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

'use client';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Toaster } from 'sonner';
import { bootstrapSession, onSignOut } from '../lib/session';
import { TRPCProvider, createClient, makeQueryClient } from '../lib/trpc';

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

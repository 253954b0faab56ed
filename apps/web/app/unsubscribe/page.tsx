'use client';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { UnsubscribeConfirm } from '../../components/notifications/unsubscribe-confirm';
import { CenteredCardPage } from '../../components/ui/centered-card-page';

function UnsubscribeFromLink() {
  const token = useSearchParams().get('token') ?? '';
  return <UnsubscribeConfirm token={token} />;
}

/** `/unsubscribe?token=…`: a mail's unsubscribe link; no sign-in needed. */
export default function UnsubscribePage() {
  return (
    <CenteredCardPage>
      <Suspense fallback={null}>
        <UnsubscribeFromLink />
      </Suspense>
    </CenteredCardPage>
  );
}

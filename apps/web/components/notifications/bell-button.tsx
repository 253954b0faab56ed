'use client';
import { BellIcon } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useCallback, useId, useRef, useState } from 'react';
import { bellBadge, bellLabel } from '../../lib/bell-label';
import { useSession } from '../../lib/session';
import { Button } from '../ui/button';
import { useUnreadCount } from './use-notifications';

// The inbox loads on first open (or when the pointer nears the bell).
const loadPopup = () => import('./inbox-popup').then((module) => module.InboxPopup);
const InboxPopup = dynamic(loadPopup, { ssr: false });

/** The header's bell: the unread count, and the inbox in a panel under it. */
export function BellButton() {
  const session = useSession();
  if (session.status !== 'signedIn') return null;
  return <Bell />;
}

function Bell() {
  const count = useUnreadCount().data?.count;
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);
  const badge = bellBadge(count);
  return (
    <div ref={wrapper} className="relative">
      <Button
        ref={button}
        variant="ghost"
        size="icon"
        className="relative rounded-full"
        aria-label={bellLabel(count)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="notification-bell"
        onPointerEnter={() => void loadPopup()}
        onFocus={() => void loadPopup()}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <BellIcon aria-hidden="true" />
        {badge ? (
          <span
            aria-hidden="true"
            className="absolute -top-0.5 -right-0.5 grid h-4 min-w-4 place-items-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-destructive-foreground"
          >
            {badge}
          </span>
        ) : null}
      </Button>
      {open ? (
        <InboxPopup id={panelId} unread={count ?? 0} within={wrapper} onClose={close} />
      ) : null}
    </div>
  );
}

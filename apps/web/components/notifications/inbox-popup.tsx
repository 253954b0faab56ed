'use client';
import { useEffect, useRef, type RefObject } from 'react';
import { InboxPanel } from './inbox-panel';

/**
 * The bell's panel (loaded on first open): focus moves into it; Esc or a
 * click outside `within` (the bell and the panel) closes it.
 */
export function InboxPopup({
  id,
  unread,
  within,
  onClose,
}: {
  id: string;
  unread: number;
  within: RefObject<HTMLElement | null>;
  /** `refocus`: the focus was in the panel, so it goes back to the bell. */
  onClose: (refocus: boolean) => void;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!within.current?.contains(event.target as Node)) onClose(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      onClose(Boolean(within.current?.contains(document.activeElement)));
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [within, onClose]);
  // Narrow screens: across the width under the header; wider ones: under the bell.
  return (
    <div
      ref={panel}
      id={id}
      role="dialog"
      aria-label="Notifications"
      tabIndex={-1}
      className="fixed inset-x-2 top-14 z-50 max-h-[min(36rem,calc(100dvh-5rem))] overflow-y-auto rounded-lg border bg-popover text-popover-foreground shadow-md outline-none sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-1.5 sm:w-[26rem]"
    >
      <InboxPanel unread={unread} onNavigate={() => onClose(false)} />
    </div>
  );
}

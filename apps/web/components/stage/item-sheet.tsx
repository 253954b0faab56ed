'use client';
import { useEffect, useState } from 'react';
import type { Item } from '../../lib/items';
import { ItemWatchButton } from '../notifications/watch-button';
import { Badge } from '../ui/badge';
import { Label } from '../ui/label';
import { SavedIndicator } from '../ui/saved-indicator';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '../ui/sheet';
import { ItemConflictPanel } from './item-conflict-panel';
import { ItemDetails } from './item-details';
import { StatusSelect } from './status-select';
import type { ItemConflict } from './use-item-update';

/**
 * The opened item, in a sheet at the right edge. Mounted once for the stage.
 * It lives in the document inside the item's row (so the row holds its item's
 * details, as before), but shows over the whole page.
 */
export function ItemSheet({
  item,
  conflict,
  savedSignal,
  onClose,
}: {
  item: Item | undefined;
  conflict: ItemConflict | undefined;
  /** Changes each time a change to this item was stored. */
  savedSignal: number | null;
  onClose: () => void;
}) {
  const itemId = item?.id;
  const [container, setContainer] = useState<HTMLElement | null>(null);
  useEffect(() => {
    setContainer(itemId ? document.getElementById(`item-${itemId}`) : null);
  }, [itemId]);
  const open = Boolean(item && container);
  return (
    <Sheet open={open} onOpenChange={(next) => (next ? undefined : onClose())}>
      {item && container ? (
        <SheetContent
          container={container}
          id={`item-details-${item.id}`}
          data-testid="item-details"
          onCloseAutoFocus={(event) => {
            // Back to the row's title, which opened it (there is no Radix trigger).
            event.preventDefault();
            container.querySelector<HTMLElement>(':scope > div button[aria-expanded]')?.focus();
          }}
        >
          <div className="mb-4 space-y-3 pr-6">
            <SheetTitle className="text-lg font-semibold break-words">
              {item.title}
              {item.isCustom ? (
                <Badge variant="outline" className="ml-2 align-middle">
                  Custom
                </Badge>
              ) : null}
            </SheetTitle>
            <SheetDescription className="sr-only">
              Status, assignee, due date, notes, evidence and comments of this item.
            </SheetDescription>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <Label htmlFor={`sheet-status-${item.id}`}>Status</Label>
              <StatusSelect id={`sheet-status-${item.id}`} className="h-8 w-40" item={item} />
              <SavedIndicator signal={savedSignal} data-testid="item-saved" />
              <ItemWatchButton itemId={item.id} />
            </div>
          </div>
          {conflict ? <ItemConflictPanel conflict={conflict} /> : null}
          <ItemDetails item={item} />
        </SheetContent>
      ) : null}
    </Sheet>
  );
}

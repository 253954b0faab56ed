import type { Prisma } from '@shipshape/db';
import type { TItem } from '@shipshape/domain';
import { recordActivity, type ActingIn } from '../activity/record-activity';
import { readItem } from './item-view';

interface EvidenceLink {
  id: string;
  itemId: string;
  kind: string;
  url: string;
  label: string;
}

/**
 * The end of a change to an item's evidence, once the item's version is
 * bumped and the link added or removed: the activity row naming the link, and
 * the item as it is now.
 */
export async function recordEvidenceChange(
  tx: Prisma.TransactionClient,
  actor: ActingIn,
  change: 'added' | 'removed',
  link: EvidenceLink,
): Promise<TItem> {
  const item = await readItem(tx, link.itemId);
  const recorded = { itemId: item.id, kind: link.kind, url: link.url, label: link.label };
  await recordActivity(tx, actor, {
    projectId: item.projectId,
    action: `evidence.${change}`,
    entityType: 'evidence',
    entityId: link.id,
    ...(change === 'added' ? { after: recorded } : { before: recorded }),
  });
  return item;
}

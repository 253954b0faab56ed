import { LinkIcon } from 'lucide-react';
import { formatNumber } from '../../lib/format';
import { cn } from '../../lib/utils';

/** An item as the parser (`template.import`) or the store (`template.get`) describes it. */
export interface TreeItem {
  key: string;
  title: string;
  body?: string | null | undefined;
  links: Array<{ label: string; url: string }>;
  options?: string[] | undefined;
  children: TreeItem[];
}

export interface TreeStage {
  key: string;
  title: string;
  description?: string | null | undefined;
  items: TreeItem[];
}

export function countItems(items: TreeItem[]): number {
  return items.reduce((sum, item) => sum + 1 + countItems(item.children), 0);
}

function ItemList({ items, depth }: { items: TreeItem[]; depth: number }) {
  return (
    <ul className={cn('space-y-1', depth > 0 && 'mt-1 ml-4 border-l pl-3')}>
      {items.map((item) => (
        <li key={item.key} className="text-sm">
          <span className="font-medium">{item.title}</span>
          {item.links.length > 0 ? (
            <span className="ml-2 inline-flex items-center gap-0.5 text-xs text-muted-foreground">
              <LinkIcon className="size-3" aria-hidden="true" />
              {formatNumber(item.links.length)}
              <span className="sr-only">{item.links.length === 1 ? 'link' : 'links'}</span>
            </span>
          ) : null}
          {item.body ? (
            <p className="line-clamp-2 text-xs text-muted-foreground">{item.body}</p>
          ) : null}
          {item.options && item.options.length > 0 ? (
            <p className="mt-0.5 flex flex-wrap gap-1">
              <span className="sr-only">Tool options:</span>
              {item.options.slice(0, 12).map((option) => (
                <span key={option} className="rounded bg-muted px-1.5 py-0.5 text-[11px]">
                  {option}
                </span>
              ))}
              {item.options.length > 12 ? (
                <span className="text-[11px] text-muted-foreground">
                  +{formatNumber(item.options.length - 12)} more
                </span>
              ) : null}
            </p>
          ) : null}
          {item.children.length > 0 && depth < 6 ? (
            <ItemList items={item.children} depth={depth + 1} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Stages as disclosure sections with their nested items. */
export function TemplateTree({
  stages,
  openFirst = true,
  testId,
}: {
  stages: TreeStage[];
  openFirst?: boolean;
  testId?: string;
}) {
  return (
    <ol className="space-y-2" data-testid={testId}>
      {stages.map((stage, index) => {
        const count = countItems(stage.items);
        return (
          <li key={stage.key} className="rounded-lg border bg-card" data-testid="tree-stage">
            <details open={openFirst && index === 0}>
              <summary className="flex cursor-pointer list-none items-center gap-3 rounded-lg px-3 py-2.5 hover:bg-muted/50 [&::-webkit-details-marker]:hidden">
                <span
                  aria-hidden="true"
                  className="grid size-6 shrink-0 place-items-center rounded-full bg-secondary text-xs font-semibold tabular-nums"
                >
                  {index + 1}
                </span>
                <span
                  className="min-w-0 flex-1 truncate font-medium"
                  data-testid="tree-stage-title"
                >
                  {stage.title}
                </span>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {formatNumber(stage.items.length)} {stage.items.length === 1 ? 'item' : 'items'}
                  {count > stage.items.length
                    ? `, ${formatNumber(count - stage.items.length)} sub-items`
                    : ''}
                </span>
              </summary>
              <div className="border-t px-3 py-3">
                {stage.description ? (
                  <p className="mb-2 line-clamp-3 text-sm text-muted-foreground">
                    {stage.description}
                  </p>
                ) : null}
                <ItemList items={stage.items} depth={0} />
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}

'use client';
import { TemplateTree, countItems } from '../../../../../../components/template/template-tree';
import { Alert, AlertTitle } from '../../../../../../components/ui/alert';
import { LoadingState, useSlow } from '../../../../../../components/ui/query-state';
import { Skeleton } from '../../../../../../components/ui/skeleton';
import { Spinner } from '../../../../../../components/ui/spinner';
import { formatNumber } from '../../../../../../lib/format';
import type { RouterOutputs } from '../../../../../../lib/trpc';

type Parsed = RouterOutputs['template']['import']['template'];
export type Preview =
  | { status: 'idle' }
  | { status: 'loading'; last?: Parsed }
  | { status: 'ok'; template: Parsed }
  | { status: 'error'; message: string };

/** What the server read from the Markdown so far: stages and items, or why it cannot be imported. */
export function ImportPreview({
  preview,
  markdown,
  stale,
}: {
  preview: Preview;
  markdown: string;
  /** The text changed since the preview shown was made (or is being re-read). */
  stale: boolean;
}) {
  const shown =
    preview.status === 'ok'
      ? preview.template
      : preview.status === 'loading'
        ? preview.last
        : undefined;
  const itemTotal = shown ? shown.stages.reduce((sum, s) => sum + countItems(s.items), 0) : 0;
  const slow = useSlow(preview.status === 'loading');
  return (
    <section
      aria-labelledby="preview-heading"
      className="min-w-0 space-y-3"
      data-testid="import-preview"
    >
      <div className="flex min-h-6 items-center justify-between gap-2">
        <h2 id="preview-heading" className="font-semibold">
          Preview
        </h2>
        <p
          className="text-sm text-muted-foreground"
          aria-live="polite"
          data-testid="preview-summary"
        >
          {stale && markdown.trim() ? (
            <span className="inline-flex items-center gap-1.5">
              <Spinner className="size-3.5" />{' '}
              {slow ? 'Still reading… the server is slow.' : 'Reading…'}
            </span>
          ) : shown ? (
            `${formatNumber(shown.stages.length)} stages, ${formatNumber(itemTotal)} items`
          ) : null}
        </p>
      </div>
      {preview.status === 'error' ? (
        <Alert variant="destructive" role="alert" data-testid="preview-error">
          <AlertTitle>This Markdown cannot be imported yet</AlertTitle>
          {preview.message}
        </Alert>
      ) : null}
      {shown ? (
        <div className={stale ? 'opacity-60 transition-opacity' : 'transition-opacity'}>
          <p className="mb-2 text-sm">
            Title: <strong>{shown.title}</strong>
          </p>
          <TemplateTree stages={shown.stages} testId="preview-tree" />
        </div>
      ) : preview.status === 'idle' ? (
        <div className="grid min-h-64 place-items-center rounded-xl border border-dashed p-6 text-center text-sm text-muted-foreground">
          Paste or load a checklist: its stages and items appear here before anything is saved.
        </div>
      ) : preview.status === 'loading' ? (
        <LoadingState label="Reading the checklist…">
          <Skeleton className="h-5 w-48" />
          <Skeleton className="h-11 w-full" />
          <Skeleton className="h-11 w-full" />
          <Skeleton className="h-11 w-full" />
        </LoadingState>
      ) : null}
    </section>
  );
}

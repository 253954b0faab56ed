'use client';
import type { TImportReport } from '@shipshape/domain';
import { Alert, AlertTitle } from '../ui/alert';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What an import stored, and what it could not keep as it was. */
export function ImportReport({ report }: { report: TImportReport }) {
  return (
    <div className="grid gap-2" data-testid="import-report">
      <Alert variant="info">
        <AlertTitle>Imported</AlertTitle>
        <p className="text-sm">
          {[
            plural(report.projects, 'project'),
            plural(report.items, 'item'),
            plural(report.comments, 'comment'),
            plural(report.measurements, 'KPI measurement'),
            plural(report.lessons, 'lesson'),
          ].join(', ')}
          .
        </p>
        {report.templates.map((t) => (
          <p key={`${t.name} ${t.versionLabel}`} className="text-sm">
            Checklist “{t.name}” {t.versionLabel}:{' '}
            {t.reused ? 'already here, reused' : 'added to this workspace'}.
          </p>
        ))}
      </Alert>
      {report.unmatchedPeople.length > 0 ? (
        <Alert variant="warning">
          <AlertTitle>Not members here</AlertTitle>
          <p className="text-sm">
            Their items were left unassigned and their comments keep their name in the text:{' '}
            {report.unmatchedPeople.join(', ')}.
          </p>
        </Alert>
      ) : null}
    </div>
  );
}

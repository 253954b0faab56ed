/** One problem found in an imported checklist file; `line` is 1-based when known. */
export interface TImportIssue {
  line?: number;
  message: string;
}

/**
 * The only error `parseChecklistMarkdown` throws on bad input. The messages are written for the
 * end user who uploaded the file, so the API can show them unchanged.
 */
export class ChecklistImportError extends Error {
  readonly issues: TImportIssue[];

  constructor(issues: TImportIssue[]) {
    const first = issues[0];
    super(first ? formatIssue(first) : 'The checklist file could not be imported');
    this.name = 'ChecklistImportError';
    this.issues = issues;
  }
}

function formatIssue(issue: TImportIssue): string {
  return issue.line === undefined ? issue.message : `Line ${issue.line}: ${issue.message}`;
}

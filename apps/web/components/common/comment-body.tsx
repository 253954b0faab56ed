import { Fragment } from 'react';
import { commentParts } from '../../lib/mentions';

/** A comment's text, each mention shown as "@Name" with the person's current name. */
export function CommentBody({
  body,
  nameOf,
  className,
}: {
  body: string;
  nameOf: (userId: string) => string | undefined;
  className?: string;
}) {
  return (
    <p className={className}>
      {commentParts(body, nameOf).map((part, index) =>
        part.kind === 'text' ? (
          <Fragment key={index}>{part.text}</Fragment>
        ) : (
          <span key={index} className="font-medium text-primary" data-mention={part.userId}>
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}

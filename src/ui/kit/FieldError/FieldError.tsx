import type { ReactNode } from 'react';

/**
 * A problem with the field above it, announced as it appears (role="alert"). Without a message it renders the
 * field's `note` (the hint the error takes the place of), or nothing. `id` lets the field point at it with
 * aria-describedby.
 */
export function FieldError({ children, id, testId, note }: { children?: ReactNode; id?: string; testId?: string; note?: ReactNode }) {
  if (children === undefined || children === null || children === false || children === '') {
    return note ? <p className="field-note">{note}</p> : null;
  }
  return (
    <p className="field-error" role="alert" id={id} data-testid={testId}>
      {children}
    </p>
  );
}

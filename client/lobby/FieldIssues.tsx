import { issueId, type FieldKey } from './form-issues';

/** The messages the room gave for one field, right under it. */
export function FieldIssues({ field, issues }: { field: FieldKey; issues: ReadonlyMap<FieldKey, string[]> }) {
  const messages = issues.get(field);
  if (!messages) return null;
  return (
    <p className="field-issue" id={issueId(field)}>
      {messages.join(' ')}
    </p>
  );
}

/** Props that tie an input to its messages. */
export function invalidProps(field: FieldKey, issues: ReadonlyMap<FieldKey, string[]>) {
  return issues.has(field) ? { 'aria-invalid': true, 'aria-describedby': issueId(field) } : {};
}

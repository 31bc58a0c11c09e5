import type { ApiClient } from '../api/api-client';
import { DeleteSection } from '../components/delete-section';
import { deleteAction } from './actions-api';

/** Delete the action, after a confirmation that says what stays (the calls in the execution log). */
export function DeleteActionSection({
  client,
  actionId,
  name,
  onDeleted,
}: {
  client: ApiClient;
  actionId: string;
  /** The name in the question: the display name, or else the name. */
  name: string;
  /** After the server deleted it: leave the page. */
  onDeleted: () => void;
}) {
  return (
    <DeleteSection
      idPrefix="action"
      title="Delete action"
      question={`Delete ${name}? Its calls stay in the execution log.`}
      confirmLabel="Delete the action"
      remove={() => deleteAction(client, actionId)}
      onDeleted={onDeleted}
    />
  );
}

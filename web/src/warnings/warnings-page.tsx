import { useSession } from '../app/session.js';
import { useHashRoute } from '../app/hash-route.js';
import { useAsync } from '../app/use-async.js';
import { ErrorMessage } from '../app/error-message.js';
import { getWarning } from './api.js';
import { ComposeForm } from './compose-form.js';
import { WarningDetail } from './warning-detail.js';
import { WarningList } from './warning-list.js';

/**
 * `#/warnings`: the list; `#/warnings/new`: compose; `#/warnings/<id>`: one warning with its
 * actions, XML and delivery progress; `#/warnings/<id>/edit` and `/update`: compose from it.
 */
export function WarningsPage() {
  const route = useHashRoute();
  const { scope } = useSession();
  const [id, mode] = route.segments;
  if (id === undefined) return <WarningList />;
  if (id === 'new') return <ComposeForm key="new" scope={scope} />;
  if (mode === 'edit' || mode === 'update') return <ComposeFrom id={id} mode={mode} scope={scope} />;
  return <WarningDetail key={id} id={id} />;
}

function ComposeFrom({ id, mode, scope }: { id: string; mode: 'edit' | 'update'; scope: string }) {
  const warning = useAsync(() => getWarning(id), [id]);
  if (!warning.data) return <ErrorMessage error={warning.error} />;
  return mode === 'edit' ? <ComposeForm key={`edit-${id}`} scope={scope} editing={warning.data} /> : <ComposeForm key={`update-${id}`} scope={scope} updating={warning.data} />;
}

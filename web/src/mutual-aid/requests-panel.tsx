import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { useAsync } from '../app/use-async.js';
import { isApiError } from '../api/api-error.js';
import { fetchBoard, fetchMyRequests } from './api.js';
import { RequestCard } from './request-card.js';
import { RequestForm } from './request-form.js';

/** True when a grant on `grantCode` covers the unit `code` (Chinese codes: by prefix). */
function covers(grantCode: string, code: string): boolean {
  return code.startsWith(grantCode.replace(/0+$/, ''));
}

/** The request board: this scope's own requests (to raise and run) and every region's open requests (to offer on). */
export function RequestsPanel() {
  const { t } = useTranslation();
  const { user, scope } = useSession();
  const mine = useAsync(() => fetchMyRequests(scope), [scope]);
  // Officers below city level have no board: a 403 there simply hides it.
  const board = useAsync(() => fetchBoard().catch((error: unknown) => (isApiError(error) && error.status === 403 ? undefined : Promise.reject(error))), [scope]);
  const actsFor = (code: string) => user.grants.some((g) => covers(g.jurisdictionCode, code));
  const reload = () => {
    mine.reload();
    board.reload();
  };
  const mineIds = new Set(mine.data?.items.map((r) => r.id));
  const others = board.data?.items.filter((r) => !mineIds.has(r.id)) ?? [];
  return (
    <section className="requests">
      <h2>{t('mutualAid.requests.heading')}</h2>
      <RequestForm requesterCode={scope} onCreated={reload} />
      <h3>{t('mutualAid.requests.mine')}</h3>
      <ErrorMessage error={mine.error} />
      <div data-testid="my-requests">
        {mine.data?.items.length === 0 && <p>{t('mutualAid.requests.empty')}</p>}
        {mine.data?.items.map((request) => (
          <RequestCard key={request.id} request={request} isRequester actsFor={actsFor} offererCode={scope} onChanged={reload} />
        ))}
      </div>
      {board.data !== undefined && (
        <>
          <h3>{t('mutualAid.requests.board')}</h3>
          <ErrorMessage error={board.error} />
          <div data-testid="board">
            {others.length === 0 && <p>{t('mutualAid.requests.empty')}</p>}
            {others.map((request) => (
              <RequestCard key={request.id} request={request} isRequester={false} actsFor={actsFor} offererCode={scope} onChanged={reload} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

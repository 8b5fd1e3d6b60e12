import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { LoadMore } from '../app/load-more.js';
import { usePagedList } from '../app/use-paged-list.js';
import { listUsers } from './api.js';
import { UserCreateForm } from './user-create-form.js';
import { UserDetail } from './user-detail.js';

/** Users of the working scope; choosing one opens their grants, password and tokens. */
export function UsersPage() {
  const { t } = useTranslation();
  const { scope } = useSession();
  const users = usePagedList((cursor) => listUsers(scope, cursor), [scope]);
  const [selectedId, setSelectedId] = useState<string>();
  const [isCreating, setIsCreating] = useState(false);
  const items = users.items;
  const selected = items?.find((user) => user.id === selectedId);

  return (
    <div className="users-page">
      <section aria-labelledby="users-title">
        <div className="section-head">
          <h1 id="users-title">{t('users.title')}</h1>
          <button type="button" className="primary" onClick={() => setIsCreating(!isCreating)} aria-expanded={isCreating}>
            {t('users.create')}
          </button>
        </div>
        {isCreating && (
          <UserCreateForm
            onCreated={(user) => {
              setIsCreating(false);
              setSelectedId(user.id);
              users.reload();
            }}
          />
        )}
        <ErrorMessage error={users.error} />
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.home')}</th>
                <th scope="col">{t('users.grants')}</th>
                <th scope="col">{t('users.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items?.map((user) => (
                <tr key={user.id} className={user.id === selectedId ? 'is-selected' : undefined} data-user={user.username}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setSelectedId(user.id)}>
                      {user.username}
                    </button>
                  </td>
                  <td>{user.displayName}</td>
                  <td>
                    <code>{user.homeJurisdictionCode}</code>
                  </td>
                  <td>
                    {user.grants.map((grant) => t(`roles.${grant.role}`, { defaultValue: grant.role })).join(', ') || '—'}
                  </td>
                  <td>{user.isActive ? t('users.active') : t('users.inactive')}</td>
                </tr>
              ))}
              {items?.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('common.none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
        <LoadMore list={users} />
      </section>
      {selected && <UserDetail key={selected.id} user={selected} onChanged={users.reload} />}
    </div>
  );
}

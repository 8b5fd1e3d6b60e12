import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedToken } from '../api/types.js';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { issueToken, listTokens, revokeToken } from './api.js';

/** A user's API tokens: issue one (its secret is shown once, here) and revoke. */
export function TokenPanel({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const tokens = useAsync(() => listTokens(userId), [userId]);
  const [name, setName] = useState('');
  const [issued, setIssued] = useState<IssuedToken>();
  const [error, setError] = useState<unknown>();
  const formatDate = (value: string | null) => (value ? new Date(value).toLocaleString(i18n.language) : '—');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      setIssued(await issueToken(userId, name.trim()));
      setName('');
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const revoke = async (tokenId: string) => {
    setError(undefined);
    try {
      await revokeToken(tokenId);
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="token-panel">
      <h3>{t('tokens.title')}</h3>
      <ErrorMessage error={tokens.error ?? error} />
      {issued && (
        <div className="notice" role="status">
          <p>{t('tokens.showOnce', { name: issued.name })}</p>
          <code className="secret" data-testid="issued-token">
            {issued.token}
          </code>
          <button type="button" className="link-button" onClick={() => setIssued(undefined)}>
            {t('tokens.dismiss')}
          </button>
        </div>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('tokens.name')}</th>
              <th scope="col">{t('tokens.kind')}</th>
              <th scope="col">{t('tokens.created')}</th>
              <th scope="col">{t('tokens.lastUsed')}</th>
              <th scope="col">{t('tokens.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.data?.items.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.kind}</td>
                <td>{formatDate(token.createdAt)}</td>
                <td>{formatDate(token.lastUsedAt)}</td>
                <td>{token.revokedAt ? t('tokens.revoked') : t('tokens.valid')}</td>
                <td>
                  {!token.revokedAt && (
                    <button type="button" className="danger" onClick={() => void revoke(token.id)}>
                      {t('users.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
            {tokens.data && tokens.data.items.length === 0 && (
              <tr>
                <td colSpan={6}>{t('common.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <form className="inline-form" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>{t('tokens.name')}</span>
          <input required value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit">{t('tokens.issue')}</button>
      </form>
    </div>
  );
}

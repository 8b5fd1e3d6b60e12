import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { approveBulletin, draftBulletin, editBulletin, listBulletins, publishBulletin, type Bulletin } from './api.js';

/** Yesterday in China time, YYYY-MM-DD: the default day to draft. */
function yesterdayInShanghai(): string {
  return new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
}

function BulletinCard({ bulletin, act }: { bulletin: Bulletin; act: (work: () => Promise<unknown>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [textZh, setTextZh] = useState(bulletin.textZh);
  const [textEn, setTextEn] = useState(bulletin.textEn);
  const isDraft = bulletin.status === 'draft';
  const isChanged = textZh !== bulletin.textZh || textEn !== bulletin.textEn;
  return (
    <article className="panel" data-testid="officer-bulletin">
      <h3>
        {bulletin.titleZh} <small className="muted">· {t(`information.officer.statuses.${bulletin.status}`)}</small>
      </h3>
      <label className="field">
        <span>{t('information.officer.textZh')}</span>
        <textarea rows={5} readOnly={!isDraft} value={textZh} onChange={(event) => setTextZh(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('information.officer.textEn')}</span>
        <textarea rows={5} readOnly={!isDraft} value={textEn} onChange={(event) => setTextEn(event.target.value)} />
      </label>
      <div className="form-actions">
        {isDraft && isChanged && (
          <button type="button" onClick={() => void act(() => editBulletin(bulletin.id, { textZh, textEn }))}>
            {t('information.officer.saveText')}
          </button>
        )}
        {isDraft && !isChanged && (
          <button type="button" className="primary" onClick={() => void act(() => approveBulletin(bulletin.id))}>
            {t('information.officer.approve')}
          </button>
        )}
        {bulletin.status === 'approved' && (
          <button type="button" className="primary" onClick={() => void act(() => publishBulletin(bulletin.id))}>
            {t('information.officer.publish')}
          </button>
        )}
      </div>
    </article>
  );
}

export function BulletinPanel({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const list = useAsync(() => listBulletins(scope), [scope]);
  const [period, setPeriod] = useState(yesterdayInShanghai);
  const [code, setCode] = useState(scope);
  const [error, setError] = useState<unknown>();

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      list.reload();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void act(() => draftBulletin(code, period));
  };

  return (
    <>
      <form className="panel inline-form" onSubmit={submit} aria-label={t('information.officer.draftTitle')}>
        <label className="field">
          <span>{t('information.officer.jurisdictionCode')}</span>
          <input required value={code} onChange={(event) => setCode(event.target.value)} />
        </label>
        <label className="field">
          <span>{t('information.officer.period')}</span>
          <input required type="date" value={period} onChange={(event) => setPeriod(event.target.value)} />
        </label>
        <button type="submit" className="primary">
          {t('information.officer.draft')}
        </button>
      </form>
      <ErrorMessage error={error ?? list.error} />
      {list.data && list.data.items.length === 0 && <p className="muted">{t('information.officer.noBulletins')}</p>}
      {list.data?.items.map((bulletin) => <BulletinCard key={`${bulletin.id}-${bulletin.status}-${bulletin.draftedBy}`} bulletin={bulletin} act={act} />)}
    </>
  );
}

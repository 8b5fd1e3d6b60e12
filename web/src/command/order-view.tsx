import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { AmendForm } from './amend-form.js';
import { useAsync } from '../app/use-async.js';
import { useLiveEvents } from '../app/use-live-events.js';
import { fetchOrder, fetchRollup, withdrawOrder } from './api.js';
import { GapList } from './gap-list.js';
import { OrderTree } from './order-tree.js';
import { FlagsPanel, InstructionsPanel } from './review-panels.js';
import { UnitActions } from './unit-actions.js';
import { ORDER_EVENTS, type Bilingual } from './types.js';

/** `#/command/<id>`: one order — your units' actions, the tree coloured by status, the gap list, reviews. */
export function OrderView({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<string>();
  const refresh = () => setVersion((value) => value + 1);
  const detail = useAsync(() => fetchOrder(id), [id, version]);
  // From the issuing unit, or for officers below it from their own unit (the server says which).
  const trackFrom = detail.data?.trackFrom;
  const rollup = useAsync(async () => (trackFrom ? fetchRollup(id, trackFrom) : undefined), [id, trackFrom, version]);
  useLiveEvents(ORDER_EVENTS, refresh);
  const text = (value: Bilingual) => (i18n.language === 'en' && value.en ? value.en : value.zh);
  const format = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const [withdrawNote, setWithdrawNote] = useState('');
  const [withdrawError, setWithdrawError] = useState<unknown>();

  const view = detail.data;
  const lastRevision = view?.revisions[view.revisions.length - 1];
  const node = selected ?? rollup.data?.node.code;
  return (
    <div className="order-view" data-testid="order-view">
      <p>
        <a href="#/command">{t('command.back')}</a>{' '}
        <button type="button" className="link-button" onClick={refresh} data-testid="order-refresh">
          {t('command.refresh')}
        </button>
      </p>
      <ErrorMessage error={detail.error} />
      {view && (
        <>
          <h1>
            {view.order.number} {text(view.order.title)}
          </h1>
          <p>
            {t(`command.statuses.${view.order.status}`)} · {t('command.revision')} {view.order.revision} · {t('command.issuer')} {view.order.issuerCode} ·{' '}
            {t('command.recipients')} {view.order.recipientCount} · {t('command.maxIntensity')} {t(`command.intensities.${view.order.maxIntensity}`)}
          </p>
          {lastRevision?.kind === 'amended' && (
            <p className="notice" data-testid="order-amended">
              {t('command.amended', { revision: lastRevision.revision })}
              {lastRevision.note ? `: ${lastRevision.note}` : ''}
            </p>
          )}
          <p>{text(view.order.body)}</p>
          {view.order.actions.length > 0 && (
            <ul>
              {view.order.actions.map((action, index) => (
                <li key={index}>{text(action)}</li>
              ))}
            </ul>
          )}
          <p className="muted">
            {Object.entries(view.order.deadlines).map(([level, deadline]) => (
              <span key={level}>
                {t(`command.levels.${level}`, { defaultValue: level })}: {t('command.acknowledgeBy')} {format(deadline.acknowledgeBy)}, {t('command.completeBy')} {format(deadline.completeBy)}.{' '}
              </span>
            ))}
          </p>
          {view.myUnits.length > 0 && (
            <section aria-label={t('command.myUnits')}>
              <h2>{t('command.myUnits')}</h2>
              {view.myUnits.map((recipient) => (
                <UnitActions key={recipient.unitCode} order={view.order} recipient={recipient} onChanged={refresh} />
              ))}
            </section>
          )}
        </>
      )}
      <ErrorMessage error={rollup.error} />
      {rollup.data && node && (
        <>
          <OrderTree key={rollup.data.node.code} orderId={id} version={version} root={rollup.data.node} rootChildren={rollup.data.children} revision={rollup.data.revision} selected={node} onSelect={setSelected} />
          <GapList orderId={id} node={node} version={version} />
          <InstructionsPanel orderId={id} node={node} version={version} />
        </>
      )}
      {view?.canManage && (
        <>
          <FlagsPanel orderId={id} version={version} onChanged={refresh} />
          {view.order.status === 'active' && (
            <AmendForm key={`${view.order.id}:${view.order.revision}`} order={view.order} onAmended={refresh} />
          )}
          {view.order.status === 'active' && (
            <section aria-label={t('command.withdraw')}>
              <label className="field inline-field">
                <span>{t('command.note')}</span>
                <input value={withdrawNote} onChange={(event) => setWithdrawNote(event.target.value)} name="withdrawNote" />
              </label>
              <button
                type="button"
                disabled={withdrawNote.trim() === ''}
                onClick={() =>
                  void withdrawOrder(id, withdrawNote).then(
                    () => refresh(),
                    (failure: unknown) => setWithdrawError(failure),
                  )
                }
              >
                {t('command.withdraw')}
              </button>
              <ErrorMessage error={withdrawError} />
            </section>
          )}
          <section aria-label={t('command.revisions')}>
            <h2>{t('command.revisions')}</h2>
            <ul>
              {view.revisions.map((revision) => (
                <li key={revision.revision}>
                  {revision.revision}. {t(`command.revisionKinds.${revision.kind}`, { defaultValue: revision.kind })} {format(revision.at)} {revision.note ?? ''}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

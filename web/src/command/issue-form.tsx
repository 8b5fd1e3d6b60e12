import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { issueOrder } from './api.js';
import { LEVELS, type Order } from './types.js';
import { linesToItems, localInputValue, OrderContentFields, type OrderContentDraft } from './order-content-fields.js';

const OFFICER_ROLES = ['admin', 'commander', 'duty_officer'];

/** A value for <input type="datetime-local"> this many hours from now, in local time. */
const localInput = (hoursFromNow: number) => localInputValue(new Date(Date.now() + hoursFromNow * 3_600_000));

const EMPTY_CONTENT: OrderContentDraft = { titleZh: '', titleEn: '', bodyZh: '', bodyEn: '', actions: '', evidence: '', maxIntensity: 'inspection' };

/** Issue an order: the issuing unit (one the user is an officer of), the target, deadlines and content. */
export function IssueForm({ onIssued }: { onIssued: (order: Order) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const issuers = user.grants.filter((grant) => OFFICER_ROLES.includes(grant.role));
  const [issuerCode, setIssuerCode] = useState(issuers[0]?.jurisdictionCode ?? '');
  const [kind, setKind] = useState<'subtree' | 'level' | 'units'>('subtree');
  const [rootCode, setRootCode] = useState('');
  const [level, setLevel] = useState('city');
  const [downToLevel, setDownToLevel] = useState('');
  const [codes, setCodes] = useState('');
  const [cascade, setCascade] = useState<'automatic' | 'manual'>('automatic');
  const [content, setContent] = useState<OrderContentDraft>(EMPTY_CONTENT);
  const [acknowledgeBy, setAcknowledgeBy] = useState(localInput(2));
  const [completeBy, setCompleteBy] = useState(localInput(24));
  const [error, setError] = useState<unknown>();
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    const root = rootCode.trim() || issuerCode;
    const target =
      kind === 'units'
        ? { kind, codes: codes.split(/[\s,，]+/).filter(Boolean) }
        : kind === 'level'
          ? { kind, rootCode: root, level }
          : { kind, rootCode: root, downToLevel: downToLevel || null };
    try {
      const order = await issueOrder({
        issuerCode,
        title: { zh: content.titleZh, en: content.titleEn || null },
        body: { zh: content.bodyZh, en: content.bodyEn || null },
        actions: linesToItems(content.actions),
        evidenceRequired: linesToItems(content.evidence),
        target,
        cascade: kind === 'subtree' ? cascade : 'automatic',
        deadlines: { acknowledgeBy: new Date(acknowledgeBy).toISOString(), completeBy: new Date(completeBy).toISOString() },
        maxIntensity: content.maxIntensity,
      });
      onIssued(order);
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} data-testid="order-issue-form">
      <label className="field">
        <span>{t('command.issuer')}</span>
        <select value={issuerCode} onChange={(event) => setIssuerCode(event.target.value)} name="issuerCode">
          {issuers.map((grant) => (
            <option key={grant.id} value={grant.jurisdictionCode}>
              {grant.jurisdictionName} {grant.jurisdictionCode}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('command.target')}</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)} name="targetKind">
          {(['subtree', 'level', 'units'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`command.targetKinds.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {kind !== 'units' && (
        <label className="field">
          <span>{t('command.rootCode')}</span>
          <input value={rootCode} onChange={(event) => setRootCode(event.target.value)} placeholder={issuerCode} name="rootCode" />
        </label>
      )}
      {kind === 'subtree' && (
        <>
          <label className="field">
            <span>{t('command.downToLevel')}</span>
            <select value={downToLevel} onChange={(event) => setDownToLevel(event.target.value)} name="downToLevel">
              <option value="">{t('command.allLevels')}</option>
              {LEVELS.map((value) => (
                <option key={value} value={value}>
                  {t(`command.levels.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('command.cascade')}</span>
            <select value={cascade} onChange={(event) => setCascade(event.target.value as typeof cascade)} name="cascade">
              <option value="automatic">{t('command.cascades.automatic')}</option>
              <option value="manual">{t('command.cascades.manual')}</option>
            </select>
          </label>
        </>
      )}
      {kind === 'level' && (
        <label className="field">
          <span>{t('command.level')}</span>
          <select value={level} onChange={(event) => setLevel(event.target.value)} name="level">
            {LEVELS.map((value) => (
              <option key={value} value={value}>
                {t(`command.levels.${value}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'units' && (
        <label className="field">
          <span>{t('command.codes')}</span>
          <textarea value={codes} onChange={(event) => setCodes(event.target.value)} name="codes" rows={3} />
        </label>
      )}
      <OrderContentFields value={content} onChange={setContent} />
      <label className="field">
        <span>{t('command.acknowledgeBy')}</span>
        <input type="datetime-local" value={acknowledgeBy} onChange={(event) => setAcknowledgeBy(event.target.value)} name="acknowledgeBy" required />
      </label>
      <label className="field">
        <span>{t('command.completeBy')}</span>
        <input type="datetime-local" value={completeBy} onChange={(event) => setCompleteBy(event.target.value)} name="completeBy" required />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={isSaving || issuers.length === 0} data-testid="order-submit">
        {t('command.submit')}
      </button>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { commitOffers, fetchMessages, finishRequest, makeOffer, stepOffer } from './api.js';
import type { AidRequest, Offer, OfferAction } from './types.js';

/** Steps the requesting unit takes; the rest are the offering region's. */
const REQUESTER_ACTIONS: readonly OfferAction[] = ['decline', 'cancel', 'arrive', 'release'];
const OFFERER_ACTIONS: readonly OfferAction[] = ['withdraw', 'dispatch', 'return'];

export interface CardProps {
  readonly request: AidRequest;
  /** The viewer acts for the requesting unit. */
  readonly isRequester: boolean;
  /** Whether the viewer acts for this offering unit. */
  readonly actsFor: (code: string) => boolean;
  /** The unit the viewer offers from (their working scope). */
  readonly offererCode: string;
  readonly onChanged: (request: AidRequest) => void;
}

function OfferRow({ offer, props }: { offer: Offer; props: CardProps }) {
  const { t } = useTranslation();
  const [take, setTake] = useState(String(Math.min(offer.quantity, props.request.remainingQuantity)));
  const [error, setError] = useState<unknown>();
  const act = async (work: () => Promise<AidRequest>) => {
    setError(undefined);
    try {
      props.onChanged(await work());
    } catch (failure) {
      setError(failure);
    }
  };
  const actions = offer.allowedActions.filter((a): a is OfferAction =>
    props.isRequester ? REQUESTER_ACTIONS.includes(a as OfferAction) : props.actsFor(offer.offererCode) && OFFERER_ACTIONS.includes(a as OfferAction),
  );
  return (
    <li data-testid="offer" data-offerer={offer.offererCode} data-status={offer.status}>
      <strong>{offer.offererName ?? offer.offererCode}</strong> · {offer.quantity} {props.request.unit}
      {offer.committedQuantity > 0 && ` (${offer.committedQuantity})`} · {offer.unitCost === null ? '' : `${offer.unitCost} ${offer.currency ?? ''} · `}
      {offer.eta ? `${t('mutualAid.requests.eta')} ${new Date(offer.eta).toLocaleString()} · ` : ''}
      <span className="offer-status">{t(`mutualAid.offerStatus.${offer.status}`)}</span>
      {props.isRequester && offer.status === 'offered' && props.request.status === 'open' && (
        <span className="commit">
          <input aria-label={t('mutualAid.requests.commitQuantity')} name="commitQuantity" size={5} value={take} onChange={(e) => setTake(e.target.value)} />
          <button type="button" data-testid="commit-offer" onClick={() => act(() => commitOffers(props.request.id, [{ offerId: offer.id, quantity: Number(take) }]))}>
            {t('mutualAid.requests.commit')}
          </button>
        </span>
      )}
      {actions.map((action) => (
        <button key={action} type="button" data-action={action} onClick={() => act(() => stepOffer(offer.id, action))}>
          {t(`mutualAid.actions.${action}`)}
        </button>
      ))}
      <ErrorMessage error={error} />
    </li>
  );
}

function OfferForm({ props }: { props: CardProps }) {
  const { t } = useTranslation();
  const [quantity, setQuantity] = useState('');
  const [unitCost, setUnitCost] = useState('');
  const [eta, setEta] = useState('');
  const [error, setError] = useState<unknown>();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      props.onChanged(
        await makeOffer(props.request.id, {
          offererCode: props.offererCode,
          quantity: Number(quantity),
          unitCost: unitCost === '' ? null : Number(unitCost),
          currency: unitCost === '' ? null : 'CNY',
          eta: eta === '' ? null : new Date(eta).toISOString(),
        }),
      );
      setQuantity('');
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <form className="offer-form" onSubmit={submit} data-testid="offer-form">
      <span>
        {t('mutualAid.requests.offerFrom')}: {props.offererCode}
      </span>
      <input name="offerQuantity" required placeholder={t('mutualAid.requests.offerQuantity')} inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      <input name="unitCost" placeholder={t('mutualAid.requests.unitCost')} inputMode="decimal" value={unitCost} onChange={(e) => setUnitCost(e.target.value)} />
      <input name="eta" type="datetime-local" aria-label={t('mutualAid.requests.eta')} value={eta} onChange={(e) => setEta(e.target.value)} />
      <button type="submit" data-testid="submit-offer">
        {t('mutualAid.requests.offer')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}

function Messages({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const [messages, setMessages] = useState<{ seq: number; type: string; xml: string }[]>();
  const [error, setError] = useState<unknown>();
  return (
    <details onToggle={(e) => { if ((e.target as HTMLDetailsElement).open && !messages) fetchMessages(requestId).then((m) => setMessages(m.items), setError); }}>
      <summary>{t('mutualAid.requests.messages')}</summary>
      <ErrorMessage error={error} />
      <ol>
        {messages?.map((m) => (
          <li key={m.seq}>
            <details>
              <summary>{m.type}</summary>
              <pre>{m.xml}</pre>
            </details>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** One request with its offers and the steps this viewer may take. */
export function RequestCard(props: CardProps) {
  const { t } = useTranslation();
  const { request } = props;
  const [error, setError] = useState<unknown>();
  const finish = async (outcome: 'close' | 'cancel') => {
    setError(undefined);
    try {
      props.onChanged(await finishRequest(request.id, outcome));
    } catch (failure) {
      setError(failure);
    }
  };
  const isLive = request.status === 'open' || request.status === 'fulfilled';
  return (
    <article className="request-card" data-testid="request-card" data-number={request.number} data-status={request.status}>
      <header>
        <strong>{request.number}</strong> {request.requesterName ?? request.requesterCode} · {t(`mutualAid.kinds.${request.resourceKind}`)}
        {request.resourceType !== null && ` T${request.resourceType}`} · {request.resourceName} ·{' '}
        <span className="request-status">{t(`mutualAid.requestStatus.${request.status}`)}</span>
      </header>
      <p>
        {t('mutualAid.requests.committed', { committed: request.committedQuantity, quantity: request.quantity, unit: request.unit })} · {t('mutualAid.requests.neededBy')}{' '}
        {new Date(request.neededBy).toLocaleString()} · {request.deliverTo}
      </p>
      <h4>{t('mutualAid.requests.offers')}</h4>
      {request.offers.length === 0 ? <p>{t('mutualAid.requests.noOffers')}</p> : <ul>{request.offers.map((offer) => <OfferRow key={offer.id} offer={offer} props={props} />)}</ul>}
      {!props.isRequester && request.status === 'open' && <OfferForm props={props} />}
      {props.isRequester && isLive && (
        <p>
          <button type="button" onClick={() => finish('close')}>{t('mutualAid.requests.close')}</button>{' '}
          <button type="button" onClick={() => finish('cancel')}>{t('mutualAid.requests.cancel')}</button>
        </p>
      )}
      <ErrorMessage error={error} />
      <Messages requestId={request.id} />
    </article>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { useAsync } from '../app/use-async.js';
import { deletePairing, fetchPairings, pairingsCsvUrl, updatePairing } from './api.js';
import { PairingForm } from './pairing-form.js';
import { unmappedPairings } from './pairing-geojson.js';
import { PairingMap } from './pairing-map.js';
import type { Pairing } from './types.js';

/** The status moves the server allows (src/mutual-aid/pairing-model.ts). */
const MOVES: Record<Pairing['status'], readonly ('active' | 'ended' | 'cancelled')[]> = {
  proposed: ['active', 'cancelled'],
  active: ['ended', 'cancelled'],
  ended: [],
  cancelled: [],
};

function PairingActions({ pairing, onChanged }: { pairing: Pairing; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>();
  const run = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <>
      {MOVES[pairing.status].map((to) => (
        <button key={to} type="button" data-move={to} onClick={() => run(() => updatePairing(pairing.id, { status: to, ...(to === 'ended' && pairing.validTo === null ? { validTo: new Date().toISOString().slice(0, 10) } : {}) }))}>
          {t(`mutualAid.pairings.move.${to}`)}
        </button>
      ))}
      {pairing.status === 'proposed' && (
        <button type="button" onClick={() => run(() => deletePairing(pairing.id))}>
          {t('mutualAid.pairings.remove')}
        </button>
      )}
      <ErrorMessage error={error} />
    </>
  );
}

function PairingRows({ pairings, canDecide, onChanged }: { pairings: readonly Pairing[]; canDecide: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <table className="pairing-table" data-testid="pairing-table">
      <thead>
        <tr>
          <th>{t('mutualAid.pairings.supporter')}</th>
          <th>{t('mutualAid.pairings.supported')}</th>
          <th>{t('mutualAid.pairings.period')}</th>
          <th>{t('mutualAid.pairings.supports')}</th>
          <th>{t('mutualAid.pairings.status')}</th>
          <th>{t('mutualAid.pairings.source')}</th>
          {canDecide && <th>{t('mutualAid.pairings.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {pairings.map((p) => (
          <tr key={p.id} data-supporter={p.supporter.code} data-supported={p.supported.code}>
            <td>{p.supporter.name ?? p.supporter.code}</td>
            <td>{p.supported.name ?? p.supported.code}</td>
            <td>
              {p.validFrom} – {p.validTo ?? t('mutualAid.pairings.openEnded')}
            </td>
            <td>{p.supports.map((s) => t(`mutualAid.supports.${s}`)).join('、')}</td>
            <td>{t(`mutualAid.pairingStatus.${p.status}`)}</td>
            <td>{p.source}</td>
            {canDecide && (
              <td>
                <PairingActions pairing={p} onChanged={onChanged} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Pairings in scope: on the map where both centroids are known, and always in the table. */
export function PairingsPanel() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { data, error, isLoading, reload } = useAsync(fetchPairings, []);
  // Deciding pairings is for commanders and admins; the server checks that they cover both regions.
  const canDecide = user.grants.some((g) => g.role === 'admin' || g.role === 'commander');
  if (error) return <ErrorMessage error={error} />;
  if (isLoading || !data) return <p aria-busy="true">…</p>;
  const pairings = data.items;
  const unmapped = unmappedPairings(pairings);
  return (
    <section className="pairings">
      <h2>
        {t('mutualAid.pairings.heading')} <small data-testid="pairing-count">{t('mutualAid.pairings.count', { count: pairings.length })}</small>
      </h2>
      <a href={pairingsCsvUrl()} download="pairings.csv">
        {t('mutualAid.pairings.csv')}
      </a>
      {pairings.length === 0 ? (
        <p>{t('mutualAid.pairings.empty')}</p>
      ) : (
        <>
          <PairingMap pairings={pairings} />
          {unmapped.length > 0 && <p>{t('mutualAid.pairings.noCentroid')}</p>}
          <PairingRows pairings={pairings} canDecide={canDecide} onChanged={reload} />
        </>
      )}
      {canDecide && <PairingForm onCreated={reload} />}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { localName } from '../i18n/index.js';
import { fetchNearestShelters, fetchSheltersByCode, searchPlaces } from './api.js';
import type { PublicPlace, PublicShelter } from './portal-types.js';

type Found = { shelters: PublicShelter[]; matchedName?: string };

/** Nearest open shelters with free places: from the browser's location, or a typed place (by code when it has no coordinates). */
export function ShelterFinder() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [places, setPlaces] = useState<PublicPlace[]>();
  const [found, setFound] = useState<Found>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();

  const run = async (work: () => Promise<Found>) => {
    setError(undefined);
    try {
      setFound(await work());
    } catch (failure) {
      setError(failure);
    }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStatus(t('information.portal.locationDenied', { reason: 'geolocation' }));
      return;
    }
    setStatus(t('information.portal.locating'));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setStatus(undefined);
        void run(async () => ({ shelters: (await fetchNearestShelters(position.coords.latitude, position.coords.longitude)).items }));
      },
      (failure) => setStatus(t('information.portal.locationDenied', { reason: failure.message })),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      const hits = await searchPlaces(text);
      setPlaces(hits);
      if (hits.length === 1) await choose(hits[0]!);
    } catch (failure) {
      setError(failure);
    }
  };

  // Places carry no coordinates in the public gazetteer: shelters are found by the place's code.
  const choose = (place: PublicPlace) =>
    run(async () => {
      setPlaces(undefined);
      const answer = await fetchSheltersByCode(place.code);
      return { shelters: answer.items, matchedName: answer.matchedCode === place.code ? localName(place, i18n.language) : (answer.matchedCode ?? undefined) };
    });

  return (
    <div className="shelter-finder">
      <p className="muted">{t('information.portal.sheltersIntro')}</p>
      <div className="portal-actions">
        <button type="button" className="primary" onClick={locate} data-testid="use-location">
          {t('information.portal.useLocation')}
        </button>
      </div>
      <form className="inline-form" onSubmit={(event) => void search(event)}>
        <label className="field">
          <span>{t('information.portal.placeLabel')}</span>
          <input value={text} onChange={(event) => setText(event.target.value)} placeholder={t('information.portal.placeHint')} data-testid="place-input" />
        </label>
        <button type="submit">{t('information.portal.placeSearch')}</button>
      </form>
      {status && <p className="notice">{status}</p>}
      <ErrorMessage error={error} />
      {places && places.length === 0 && <p className="muted">{t('information.portal.noPlaces')}</p>}
      {places && places.length > 1 && (
        <ul className="portal-list" aria-label={t('information.portal.pickPlace')}>
          {places.map((place) => (
            <li key={place.code}>
              <button type="button" className="link-button" onClick={() => void choose(place)}>
                {localName(place, i18n.language)} <small className="muted">{place.code}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
      {found && found.matchedName && <p className="muted">{t('information.portal.shelterMatched', { name: found.matchedName })}</p>}
      {found && found.shelters.length === 0 && <p className="muted" data-testid="no-shelters">{t('information.portal.noShelters')}</p>}
      {found && found.shelters.length > 0 && (
        <ol className="portal-list" data-testid="shelter-list">
          {found.shelters.map((s) => (
            <li key={s.id} className="portal-item" data-testid="shelter">
              <div className="portal-item-head">
                <strong>{localName(s, i18n.language)}</strong>
                {s.distanceKm !== null && <span className="portal-distance">{t('information.portal.distance', { km: s.distanceKm.toFixed(1) })}</span>}
              </div>
              {s.address && <p>{s.address}</p>}
              <p className="muted small">{t('information.portal.free', { free: s.free, capacity: s.capacity })}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

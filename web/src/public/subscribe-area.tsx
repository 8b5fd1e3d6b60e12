import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { localName } from '../i18n/index.js';
import { searchPlaces, type PublicSubscriptionRequest } from './api.js';
import type { PublicPlace } from './portal-types.js';

export type SubscribeArea = PublicSubscriptionRequest['area'];

export const RADII_KM = [1, 2, 5, 10, 20, 50] as const;

/** The area part of the subscribe form: a place from the public gazetteer, or the browser's location and a radius. */
export function SubscribeAreaPicker({ area, onChange, fieldError }: { area: SubscribeArea | undefined; onChange: (area: SubscribeArea | undefined) => void; fieldError: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'place' | 'location'>('place');
  const [text, setText] = useState('');
  const [places, setPlaces] = useState<PublicPlace[]>();
  const [chosen, setChosen] = useState<PublicPlace>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [radiusKm, setRadiusKm] = useState<number>(5);

  const switchMode = (next: 'place' | 'location') => {
    setMode(next);
    setStatus(undefined);
    onChange(next === 'place' && chosen ? { kind: 'jurisdiction', jurisdictionCode: chosen.code } : undefined);
  };

  const choose = (place: PublicPlace) => {
    setChosen(place);
    setPlaces(undefined);
    onChange({ kind: 'jurisdiction', jurisdictionCode: place.code });
  };

  // A nested <form> is invalid HTML: the search runs from the button or Enter in the input.
  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    setError(undefined);
    try {
      const hits = await searchPlaces(text);
      setPlaces(hits);
      if (hits.length === 1) choose(hits[0]!);
    } catch (failure) {
      setError(failure);
    }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStatus(t('publicSubscriptions.locationDenied', { reason: 'geolocation' }));
      return;
    }
    setStatus(t('publicSubscriptions.locating'));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setStatus(undefined);
        // Five decimals (about 1 m) is all a warning area needs.
        const round = (value: number) => Math.round(value * 1e5) / 1e5;
        onChange({ kind: 'point', lat: round(position.coords.latitude), lon: round(position.coords.longitude), radiusKm });
      },
      (failure) => setStatus(t('publicSubscriptions.locationDenied', { reason: failure.message })),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const point = area?.kind === 'point' ? area : undefined;
  return (
    <fieldset className="field subscribe-area" aria-invalid={fieldError !== undefined}>
      <legend>{t('publicSubscriptions.areaLegend')}</legend>
      <div className="inline-form" role="radiogroup">
        {(['place', 'location'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="area-mode" checked={mode === value} onChange={() => switchMode(value)} data-testid={`area-mode-${value}`} /> {t(`publicSubscriptions.areaModes.${value}`)}
          </label>
        ))}
      </div>
      {mode === 'place' ? (
        <>
          <div className="inline-form">
            <label className="field">
              <span>{t('publicSubscriptions.placeLabel')}</span>
              <input
                value={text}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') void search(event);
                }}
                placeholder={t('publicSubscriptions.placeHint')}
                data-testid="subscribe-place-input"
              />
            </label>
            <button type="button" onClick={() => void search()} data-testid="subscribe-place-search">
              {t('publicSubscriptions.placeSearch')}
            </button>
          </div>
          <ErrorMessage error={error} />
          {places && places.length === 0 && <p className="muted">{t('publicSubscriptions.noPlaces')}</p>}
          {places && places.length > 1 && (
            <ul className="portal-list" aria-label={t('publicSubscriptions.pickPlace')}>
              {places.map((place) => (
                <li key={place.code}>
                  <button type="button" className="link-button" onClick={() => choose(place)}>
                    {localName(place, i18n.language)} <small className="muted">{place.code}</small>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {area?.kind === 'jurisdiction' && chosen && (
            <p className="notice" data-testid="subscribe-chosen-place">
              {t('publicSubscriptions.chosenPlace', { name: localName(chosen, i18n.language), code: chosen.code })}
            </p>
          )}
        </>
      ) : (
        <>
          <div className="inline-form">
            <button type="button" onClick={locate} data-testid="subscribe-use-location">
              {t('publicSubscriptions.useLocation')}
            </button>
            <label className="field">
              <span>{t('publicSubscriptions.radius')}</span>
              <select
                value={radiusKm}
                onChange={(event) => {
                  const km = Number(event.target.value);
                  setRadiusKm(km);
                  if (point) onChange({ ...point, radiusKm: km });
                }}
              >
                {RADII_KM.map((km) => (
                  <option key={km} value={km}>
                    {t('publicSubscriptions.radiusKm', { km })}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {status && <p className="notice">{status}</p>}
          {point && <p className="notice" data-testid="subscribe-located">{t('publicSubscriptions.located', { lat: point.lat.toFixed(4), lon: point.lon.toFixed(4) })}</p>}
        </>
      )}
      {fieldError !== undefined && (
        <p className="error" role="alert" data-testid="field-error-area">
          {fieldError}
        </p>
      )}
    </fieldset>
  );
}

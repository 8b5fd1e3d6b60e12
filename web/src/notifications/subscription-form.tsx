import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { createSubscription } from './api.js';
import { CAP_CATEGORIES, COLOURS, type Channel, type Colour, type SubscriptionArea } from './types.js';

type AreaKind = 'point' | 'jurisdiction';

/** A new subscription: channel (in-app, e-mail, SMS), area (a point with a radius, or a jurisdiction), minimum colour and categories. */
export function SubscriptionForm({ defaultCode, onCreated }: { defaultCode: string; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<Exclude<Channel, 'webhook'>>('in_app');
  const [address, setAddress] = useState('');
  const [areaKind, setAreaKind] = useState<AreaKind>('jurisdiction');
  const [code, setCode] = useState(defaultCode);
  const [lat, setLat] = useState('30.5928');
  const [lon, setLon] = useState('114.3055');
  const [radiusKm, setRadiusKm] = useState('5');
  const [minColour, setMinColour] = useState<Colour>('yellow');
  const [categories, setCategories] = useState<string[]>([]);
  const [error, setError] = useState<unknown>();
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setIsSaving(true);
    const area: SubscriptionArea = areaKind === 'jurisdiction' ? { kind: 'jurisdiction', jurisdictionCode: code } : { kind: 'point', lat: Number(lat), lon: Number(lon), radiusKm: Number(radiusKm) };
    try {
      await createSubscription({ channel, ...(channel === 'in_app' ? {} : { address }), language: i18n.language.startsWith('en') ? 'en' : 'zh-CN', minColour, categories, area });
      onCreated();
    } catch (failure) {
      setError(failure);
    } finally {
      setIsSaving(false);
    }
  };

  const toggle = (category: string) => setCategories((current) => (current.includes(category) ? current.filter((c) => c !== category) : [...current, category]));

  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)} data-testid="subscription-form">
      <div className="inline-form">
        <label className="field">
          <span>{t('notifications.channel')}</span>
          <select name="channel" value={channel} onChange={(event) => setChannel(event.target.value as typeof channel)}>
            {(['in_app', 'email', 'sms'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`notifications.channels.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {channel !== 'in_app' && (
          <label className="field">
            <span>{channel === 'email' ? t('notifications.email') : t('notifications.phone')}</span>
            <input name="address" value={address} onChange={(event) => setAddress(event.target.value)} required />
          </label>
        )}
        <label className="field">
          <span>{t('notifications.minColour')}</span>
          <select value={minColour} onChange={(event) => setMinColour(event.target.value as Colour)}>
            {COLOURS.map((c) => (
              <option key={c} value={c}>
                {t(`notifications.colours.${c}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="inline-form">
        <label className="field">
          <span>{t('notifications.areaKind')}</span>
          <select value={areaKind} onChange={(event) => setAreaKind(event.target.value as AreaKind)}>
            <option value="jurisdiction">{t('notifications.areaKinds.jurisdiction')}</option>
            <option value="point">{t('notifications.areaKinds.point')}</option>
          </select>
        </label>
        {areaKind === 'jurisdiction' ? (
          <label className="field">
            <span>{t('notifications.jurisdictionCode')}</span>
            <input name="jurisdictionCode" value={code} onChange={(event) => setCode(event.target.value)} required />
          </label>
        ) : (
          <>
            <label className="field">
              <span>{t('notifications.lat')}</span>
              <input type="number" step="any" value={lat} onChange={(event) => setLat(event.target.value)} required />
            </label>
            <label className="field">
              <span>{t('notifications.lon')}</span>
              <input type="number" step="any" value={lon} onChange={(event) => setLon(event.target.value)} required />
            </label>
            <label className="field">
              <span>{t('notifications.radiusKm')}</span>
              <input type="number" step="any" min="0" max="500" value={radiusKm} onChange={(event) => setRadiusKm(event.target.value)} required />
            </label>
          </>
        )}
      </div>
      <fieldset>
        <legend>{t('notifications.categories')}</legend>
        {CAP_CATEGORIES.map((category) => (
          <label key={category} className="checkbox">
            <input type="checkbox" checked={categories.includes(category)} onChange={() => toggle(category)} />
            {t(`notifications.capCategories.${category}`)}
          </label>
        ))}
        <p className="muted">{t('notifications.allCategoriesHint')}</p>
      </fieldset>
      <ErrorMessage error={error} />
      <button type="submit" disabled={isSaving}>
        {t('notifications.subscribe')}
      </button>
    </form>
  );
}

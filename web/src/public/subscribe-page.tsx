import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { ErrorMessage } from '../app/error-message.js';
import { subscribePublic, type PublicSubscriptionRequest } from './api.js';
import { SubscribeAreaPicker, type SubscribeArea } from './subscribe-area.js';
import { registerSubscriptionStrings } from './subscription-i18n.js';

const COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
/** CAP 1.2 categories, in the order the standard lists them (the server checks the same list). */
const CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;

type FieldName = 'channel' | 'address' | 'area' | 'minColour' | 'categories' | 'language';

/**
 * The server names the field of each problem (`body.address`, `area.jurisdictionCode`, …); the
 * form shows it under that field. Problems of no known field stay in the message at the end.
 */
export function fieldErrorsOf(error: unknown): Partial<Record<FieldName, string>> {
  if (!isApiError(error)) return {};
  const found: Partial<Record<FieldName, string>> = {};
  const problems = error.details.length > 0 ? error.details : [{ field: undefined, message: error.message }];
  for (const problem of problems) {
    const field = (problem.field ?? '').replace(/^body\./, '').split('.')[0] as FieldName;
    if (['channel', 'address', 'area', 'minColour', 'categories', 'language'].includes(field) && found[field] === undefined) found[field] = problem.message;
  }
  return found;
}

/** An Idempotency-Key; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `sub-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** `#/public/subscribe`: the public subscribes an e-mail address or phone to warnings for an area (double opt-in). */
export function SubscribePage() {
  registerSubscriptionStrings();
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<'email' | 'sms'>('email');
  const [address, setAddress] = useState('');
  const [area, setArea] = useState<SubscribeArea>();
  const [minColour, setMinColour] = useState<(typeof COLOURS)[number]>('yellow');
  const [categories, setCategories] = useState<string[]>([]);
  // Messages follow the page's language until the reader picks one.
  const [chosenLanguage, setLanguage] = useState<'zh-CN' | 'en'>();
  const language = chosenLanguage ?? (i18n.language === 'en' ? 'en' : 'zh-CN');
  const [error, setError] = useState<unknown>();
  const [areaMissing, setAreaMissing] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  // One key per filled-in form: a double tap or a retry after a lost answer is one subscription.
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [sentTo, setSentTo] = useState<{ channel: 'email' | 'sms'; address: string }>();

  const fieldErrors = fieldErrorsOf(error);
  const fieldError = (name: FieldName) =>
    fieldErrors[name] === undefined ? null : (
      <span className="error" role="alert" data-testid={`field-error-${name}`}>
        {fieldErrors[name]}
      </span>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setAreaMissing(area === undefined);
    if (area === undefined) return;
    const body: PublicSubscriptionRequest = { channel, address: address.trim(), language, minColour, categories, area };
    setIsBusy(true);
    try {
      await subscribePublic(body, requestKey);
      setSentTo({ channel, address: body.address });
    } catch (failure) {
      setError(failure);
    } finally {
      setIsBusy(false);
    }
  };

  const change = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setRequestKey(newRequestKey());
  };

  if (sentTo) {
    return (
      <div className="subscribe-page">
        <h1>{t('publicSubscriptions.sentTitle')}</h1>
        <div className="panel" role="status" data-testid="subscribe-sent">
          <p className="notice">{t(sentTo.channel === 'email' ? 'publicSubscriptions.sentEmail' : 'publicSubscriptions.sentSms', { address: sentTo.address })}</p>
          <p className="muted">{t('publicSubscriptions.sentNotYet')}</p>
          <button
            type="button"
            onClick={() => {
              setSentTo(undefined);
              setAddress('');
              setRequestKey(newRequestKey());
            }}
          >
            {t('publicSubscriptions.another')}
          </button>
        </div>
      </div>
    );
  }

  const toggleCategory = (category: string) =>
    change(setCategories)(categories.includes(category) ? categories.filter((c) => c !== category) : [...categories, category]);

  return (
    <div className="subscribe-page">
      <h1>{t('publicSubscriptions.title')}</h1>
      <p className="muted">{t('publicSubscriptions.intro')}</p>
      <form className="panel form-grid" onSubmit={(event) => void submit(event)} aria-label={t('publicSubscriptions.title')} noValidate>
        <fieldset className="field">
          <legend>{t('publicSubscriptions.channel')}</legend>
          <div className="inline-form" role="radiogroup">
            {(['email', 'sms'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="channel" checked={channel === value} onChange={() => change(setChannel)(value)} data-testid={`channel-${value}`} /> {t(`publicSubscriptions.channels.${value}`)}
              </label>
            ))}
          </div>
          {fieldError('channel')}
        </fieldset>
        <label className="field">
          <span>{t(channel === 'email' ? 'publicSubscriptions.email' : 'publicSubscriptions.phone')}</span>
          <input
            type={channel === 'email' ? 'email' : 'tel'}
            autoComplete={channel === 'email' ? 'email' : 'tel'}
            required
            maxLength={254}
            value={address}
            onChange={(event) => change(setAddress)(event.target.value)}
            placeholder={channel === 'sms' ? t('publicSubscriptions.phoneHint') : undefined}
            aria-invalid={fieldErrors.address !== undefined}
            data-testid="subscribe-address"
          />
          {fieldError('address')}
        </label>
        <SubscribeAreaPicker
          area={area}
          onChange={(next) => {
            change(setArea)(next);
            if (next !== undefined) setAreaMissing(false);
          }}
          fieldError={fieldErrors.area ?? (areaMissing ? t('publicSubscriptions.choosePlaceFirst') : undefined)}
        />
        <label className="field">
          <span>{t('publicSubscriptions.minColour')}</span>
          <select value={minColour} onChange={(event) => change(setMinColour)(event.target.value as (typeof COLOURS)[number])} data-testid="subscribe-min-colour">
            {COLOURS.map((colour) => (
              <option key={colour} value={colour}>
                {t(`publicSubscriptions.colours.${colour}`)}
              </option>
            ))}
          </select>
          <small className="muted">{t('publicSubscriptions.minColourHint')}</small>
          {fieldError('minColour')}
        </label>
        <fieldset className="field">
          <legend>{t('publicSubscriptions.categoriesLegend')}</legend>
          <div className="inline-form subscribe-categories">
            {CATEGORIES.map((category) => (
              <label key={category}>
                <input type="checkbox" checked={categories.includes(category)} onChange={() => toggleCategory(category)} /> {t(`publicSubscriptions.categories.${category}`)}
              </label>
            ))}
          </div>
          {fieldError('categories')}
        </fieldset>
        <label className="field">
          <span>{t('publicSubscriptions.language')}</span>
          <select value={language} onChange={(event) => change(setLanguage)(event.target.value === 'en' ? 'en' : 'zh-CN')}>
            <option value="zh-CN">{t('publicSubscriptions.languages.zh-CN')}</option>
            <option value="en">{t('publicSubscriptions.languages.en')}</option>
          </select>
          {fieldError('language')}
        </label>
        {Object.keys(fieldErrors).length > 0 ? <p className="error">{t('publicSubscriptions.fixFields')}</p> : <ErrorMessage error={error} />}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isBusy} data-testid="subscribe-submit">
            {isBusy ? t('publicSubscriptions.sending') : t('publicSubscriptions.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { saveContact } from './api.js';
import type { ContactSettings } from './types.js';

/** Where copies of my own notifications go by e-mail and SMS, each opted in separately. */
export function ContactForm({ initial }: { initial: ContactSettings }) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState(initial);
  const [error, setError] = useState<unknown>();
  const [isSaved, setIsSaved] = useState(false);
  useEffect(() => setSettings(initial), [initial]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setIsSaved(false);
    try {
      setSettings(await saveContact(settings));
      setIsSaved(true);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)} data-testid="contact-form">
      <div className="inline-form">
        <label className="field">
          <span>{t('notifications.email')}</span>
          <input type="email" value={settings.email ?? ''} onChange={(event) => setSettings({ ...settings, email: event.target.value || null })} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={settings.emailEnabled} onChange={(event) => setSettings({ ...settings, emailEnabled: event.target.checked })} />
          {t('notifications.emailCopies')}
        </label>
      </div>
      <div className="inline-form">
        <label className="field">
          <span>{t('notifications.phone')}</span>
          <input type="tel" value={settings.phone ?? ''} onChange={(event) => setSettings({ ...settings, phone: event.target.value || null })} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={settings.smsEnabled} onChange={(event) => setSettings({ ...settings, smsEnabled: event.target.checked })} />
          {t('notifications.smsCopies')}
        </label>
        <label className="field">
          <span>{t('notifications.language')}</span>
          <select value={settings.language} onChange={(event) => setSettings({ ...settings, language: event.target.value as ContactSettings['language'] })}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <ErrorMessage error={error} />
      {isSaved && <p className="muted">{t('notifications.saved')}</p>}
      <button type="submit">{t('notifications.save')}</button>
    </form>
  );
}

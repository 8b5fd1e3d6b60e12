import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.js';

const LABELS: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

/** Switches between Chinese and English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('common.language')}</span>
      <select
        data-testid="language-switch"
        value={i18n.language}
        onChange={(event) => void setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LABELS[language]}
          </option>
        ))}
      </select>
    </label>
  );
}

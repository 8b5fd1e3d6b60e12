import { useTranslation } from 'react-i18next';

/** A select over the given kinds; '' means every kind. */
export function KindFilter({ kinds, value, onChange }: { kinds: readonly string[]; value: string; onChange: (kind: string) => void }) {
  const { t } = useTranslation();
  return (
    <label className="field inline-field">
      <span>{t('directory.kind')}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('directory.allKinds')}</option>
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kinds.${kind}`, { defaultValue: kind })}
          </option>
        ))}
      </select>
    </label>
  );
}

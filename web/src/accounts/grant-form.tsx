import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useSession } from '../app/session.js';
import { grantRole } from './api.js';

const FALLBACK_ROLES = ['admin', 'commander', 'duty_officer', 'analyst', 'department_officer', 'grid_worker', 'volunteer', 'expert'];

/** Grants a role over a jurisdiction subtree, optionally narrowed to one department. */
export function GrantForm({ userId, onGranted }: { userId: string; onGranted: () => void }) {
  const { t } = useTranslation();
  const { meta, scope } = useSession();
  const roles = meta?.roles.length ? meta.roles : FALLBACK_ROLES;
  const departments = meta?.departmentTypes ?? [];
  const [role, setRole] = useState(roles[0] ?? 'analyst');
  const [jurisdictionCode, setJurisdictionCode] = useState(scope);
  const [department, setDepartment] = useState('');
  const [error, setError] = useState<unknown>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await grantRole(userId, { role, jurisdictionCode: jurisdictionCode.trim(), ...(department ? { department } : {}) });
      onGranted();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} aria-label={t('users.grant')}>
      <label className="field">
        <span>{t('users.role')}</span>
        <select value={role} onChange={(event) => setRole(event.target.value)}>
          {roles.map((value) => (
            <option key={value} value={value}>
              {t(`roles.${value}`, { defaultValue: value })}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('users.jurisdictionCode')}</span>
        <input required inputMode="numeric" value={jurisdictionCode} onChange={(event) => setJurisdictionCode(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('users.department')}</span>
        <select value={department} onChange={(event) => setDepartment(event.target.value)}>
          <option value="">{t('users.anyDepartment')}</option>
          {departments.map((value) => (
            <option key={value} value={value}>
              {t(`departments.${value}`, { defaultValue: value })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('users.grant')}</button>
      <ErrorMessage error={error} />
    </form>
  );
}

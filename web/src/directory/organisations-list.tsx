import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { LoadMore } from '../app/load-more.js';
import { usePagedList } from '../app/use-paged-list.js';
import { localName } from '../i18n/index.js';
import { listOrganisations } from './api.js';
import { KindFilter } from './kind-filter.js';
import { ORGANISATION_KINDS } from './kinds.js';

/** Organisations in the working scope: departments, enterprises, NGOs, volunteer teams. */
export function OrganisationsList({ scope }: { scope: string }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState('');
  const list = usePagedList((cursor) => listOrganisations(scope, kind || undefined, cursor), [scope, kind]);
  const items = list.items;

  return (
    <section aria-labelledby="organisations-title">
      <div className="section-head">
        <h2 id="organisations-title">{t('directory.organisations')}</h2>
        <KindFilter kinds={ORGANISATION_KINDS} value={kind} onChange={setKind} />
      </div>
      <ErrorMessage error={list.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('directory.name')}</th>
              <th scope="col">{t('directory.kind')}</th>
              <th scope="col">{t('directory.department')}</th>
              <th scope="col">{t('directory.jurisdiction')}</th>
              <th scope="col">{t('directory.contact')}</th>
            </tr>
          </thead>
          <tbody>
            {items?.map((organisation) => (
              <tr key={organisation.id}>
                <td>{localName(organisation, i18n.language)}</td>
                <td>{t(`kinds.${organisation.kind}`, { defaultValue: organisation.kind })}</td>
                <td>
                  {organisation.departmentType
                    ? t(`departments.${organisation.departmentType}`, { defaultValue: organisation.departmentType })
                    : '—'}
                </td>
                <td>{organisation.jurisdictionName || organisation.jurisdictionCode}</td>
                <td>{[organisation.phone, organisation.email, organisation.address].filter(Boolean).join(' · ') || '—'}</td>
              </tr>
            ))}
            {items?.length === 0 && (
              <tr>
                <td colSpan={5}>{t('common.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </section>
  );
}

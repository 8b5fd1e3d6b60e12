import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { LoadMore } from '../app/load-more.js';
import { usePagedList } from '../app/use-paged-list.js';
import { listPeople } from './api.js';
import { KindFilter } from './kind-filter.js';
import { PERSON_KINDS } from './kinds.js';

/** People in the working scope; contact details appear only when the server sends them. */
export function PeopleList({ scope }: { scope: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState('');
  const list = usePagedList((cursor) => listPeople(scope, kind || undefined, cursor), [scope, kind]);
  const items = list.items;

  return (
    <section aria-labelledby="people-title">
      <div className="section-head">
        <h2 id="people-title">{t('directory.people')}</h2>
        <KindFilter kinds={PERSON_KINDS} value={kind} onChange={setKind} />
      </div>
      <ErrorMessage error={list.error} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('directory.fullName')}</th>
              <th scope="col">{t('directory.kind')}</th>
              <th scope="col">{t('directory.jobTitle')}</th>
              <th scope="col">{t('directory.organisation')}</th>
              <th scope="col">{t('directory.skills')}</th>
              <th scope="col">{t('directory.contact')}</th>
            </tr>
          </thead>
          <tbody>
            {items?.map((person) => (
              <tr key={person.id}>
                <td>{person.fullName}</td>
                <td>{t(`kinds.${person.kind}`, { defaultValue: person.kind })}</td>
                <td>{person.title || '—'}</td>
                <td>{person.organisationName || '—'}</td>
                <td>{person.skills.join(', ') || '—'}</td>
                <td>{[person.phone, person.email].filter(Boolean).join(' · ') || t('directory.hidden')}</td>
              </tr>
            ))}
            {items?.length === 0 && (
              <tr>
                <td colSpan={6}>{t('common.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <LoadMore list={list} />
    </section>
  );
}

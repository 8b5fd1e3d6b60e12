import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { useAsync } from '../app/use-async.js';
import { localName } from '../i18n/index.js';
import { createFacility, listFacilities, reportOccupancy, setFacilityStatus, type Facility } from './api.js';

function OccupancyForm({ shelter, onDone, onError }: { shelter: Facility; onDone: () => void; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(String(shelter.occupancy));
  // One key per intended count, so a retry of the same submission is answered, not applied twice.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await reportOccupancy(shelter.id, Number(count), key);
      setKey(crypto.randomUUID());
      onDone();
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)}>
      <input type="number" min={0} max={shelter.capacity} value={count} aria-label={t('information.officer.occupancy')} onChange={(event) => setCount(event.target.value)} style={{ width: '6rem' }} />
      <button type="submit">{t('information.officer.updateOccupancy')}</button>
    </form>
  );
}

export function ShelterPanel({ scope }: { scope: string }) {
  const { t, i18n } = useTranslation();
  const list = useAsync(() => listFacilities(scope), [scope]);
  const empty = { jurisdictionCode: scope, nameZh: '', nameEn: '', address: '', lon: '', lat: '', locationSource: '', capacity: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<unknown>();
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });

  const act = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      list.reload();
    } catch (failure) {
      setError(failure);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hasLocation = form.lon.trim() !== '' && form.lat.trim() !== '';
    void act(async () => {
      await createFacility({
        type: 'shelter',
        jurisdictionCode: form.jurisdictionCode,
        nameZh: form.nameZh,
        ...(form.nameEn.trim() ? { nameEn: form.nameEn.trim() } : {}),
        ...(form.address.trim() ? { address: form.address.trim() } : {}),
        ...(hasLocation ? { location: [Number(form.lon), Number(form.lat)], locationSource: form.locationSource } : {}),
        capacity: Number(form.capacity),
      });
      setForm(empty);
    });
  };

  return (
    <>
      <form className="panel form-grid" onSubmit={submit} aria-label={t('information.officer.shelterCreate')}>
        <h2>{t('information.officer.shelterCreate')}</h2>
        <label className="field"><span>{t('information.officer.jurisdictionCode')}</span><input required value={form.jurisdictionCode} onChange={set('jurisdictionCode')} /></label>
        <label className="field"><span>{t('information.officer.nameZh')}</span><input required value={form.nameZh} onChange={set('nameZh')} /></label>
        <label className="field"><span>{t('information.officer.nameEn')}</span><input value={form.nameEn} onChange={set('nameEn')} /></label>
        <label className="field"><span>{t('information.officer.address')}</span><input value={form.address} onChange={set('address')} /></label>
        <label className="field"><span>{t('information.officer.lon')}</span><input inputMode="decimal" value={form.lon} onChange={set('lon')} /></label>
        <label className="field"><span>{t('information.officer.lat')}</span><input inputMode="decimal" value={form.lat} onChange={set('lat')} /></label>
        <label className="field"><span>{t('information.officer.locationSource')}</span><input value={form.locationSource} onChange={set('locationSource')} /></label>
        <label className="field"><span>{t('information.officer.capacity')}</span><input required type="number" min={0} value={form.capacity} onChange={set('capacity')} /></label>
        <div className="form-actions"><button type="submit" className="primary">{t('information.officer.shelterCreate')}</button></div>
      </form>
      <ErrorMessage error={error ?? list.error} />
      {list.data && list.data.items.length === 0 && <p className="muted">{t('information.officer.noShelters')}</p>}
      {list.data && list.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="shelter-table">
            <thead>
              <tr>
                <th>{t('information.officer.nameZh')}</th>
                <th>{t('information.officer.jurisdictionCode')}</th>
                <th>{t('information.officer.capacity')}</th>
                <th>{t('information.officer.occupancy')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((shelter) => (
                <tr key={shelter.id}>
                  <td>{localName(shelter, i18n.language)}</td>
                  <td>{shelter.jurisdictionCode}</td>
                  <td>{shelter.capacity}</td>
                  <td><OccupancyForm key={shelter.updatedAt} shelter={shelter} onDone={list.reload} onError={setError} /></td>
                  <td>
                    {t(`information.officer.statuses.${shelter.status}`)}{' '}
                    <button type="button" className="link-button" onClick={() => void act(() => setFacilityStatus(shelter.id, shelter.status === 'closed' ? 'open' : 'closed'))}>
                      {shelter.status === 'closed' ? t('information.officer.open') : t('information.officer.close')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

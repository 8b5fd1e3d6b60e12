import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JurisdictionSummary } from '../api/types.js';
import { enqueue } from '../outbox/outbox.js';
import type { OutboxKind } from '../outbox/outbox-types.js';
import { DISEASE_CLASSES, EVENT_TYPES, isDiseaseType, PHOTO_MIME_TYPES } from './event-types.js';
import { JurisdictionPicker } from './jurisdiction-picker.js';
import { checkPhotoFiles, encodePhotos } from './photo-files.js';
import { PointPicker } from './point-picker.js';
import type { ReportDraft } from './types.js';

/** `datetime-local` wants local time without a zone: "2020-01-20T08:30". */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

interface ReportFormProps {
  kind: Extract<OutboxKind, 'report' | 'public_report'>;
  path: string;
  search: (q: string) => Promise<JurisdictionSummary[]>;
  /** The unit chosen to start with. */
  initialUnit?: JurisdictionSummary;
  /** Logged-in users: the working scope, outlined on the map for orientation. */
  contextCode?: string;
  /** Placeholder of the jurisdiction search (the public one takes codes only). */
  searchPlaceholder?: string;
}

/**
 * The report form, for phones first. Pressing submit stores the report in this device's outbox
 * with a fresh Idempotency-Key; the outbox sends it when the network allows.
 */
export function ReportForm({ kind, path, search, initialUnit, contextCode, searchPlaceholder }: ReportFormProps) {
  const { t } = useTranslation();
  const [type, setType] = useState('');
  const [diseaseClass, setDiseaseClass] = useState('');
  const [observedAt, setObservedAt] = useState(localNow);
  const [unit, setUnit] = useState<JurisdictionSummary | undefined>(initialUnit);
  const [point, setPoint] = useState<[number, number]>();
  const [placeText, setPlaceText] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [reporterName, setReporterName] = useState('');
  const [reporterPhone, setReporterPhone] = useState('');
  const [problem, setProblem] = useState<string>();
  const [queuedAt, setQueuedAt] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);

  const choosePhotos = (files: FileList | null) => {
    const chosen = [...(files ?? [])];
    const wrong = checkPhotoFiles(chosen);
    setProblem(wrong ? t(wrong.key, wrong.values) : undefined);
    setPhotos(wrong ? [] : chosen);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    if (!type) return setProblem(t('report.needType'));
    if (!unit && !point && !placeText.trim()) return setProblem(t('report.needPlace'));
    if (!description.trim()) return setProblem(t('report.needDescription'));
    const wrong = checkPhotoFiles(photos);
    if (wrong) return setProblem(t(wrong.key, wrong.values));
    setIsBusy(true);
    try {
      const draft: ReportDraft = {
        type,
        observedAt: new Date(observedAt).toISOString(),
        description: description.trim(),
        ...(isDiseaseType(type) && diseaseClass ? { diseaseClass } : {}),
        ...(unit ? { jurisdictionCode: unit.code } : {}),
        ...(point ? { point } : {}),
        ...(placeText.trim() ? { placeText: placeText.trim() } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(photos.length > 0 ? { photos: await encodePhotos(photos) } : {}),
        ...(kind === 'public_report' && reporterName.trim() ? { reporterName: reporterName.trim() } : {}),
        ...(kind === 'public_report' && reporterPhone.trim() ? { reporterPhone: reporterPhone.trim() } : {}),
      };
      await enqueue(kind, path, draft, title.trim() || t(`eventTypes.${type}`));
      setQueuedAt(new Date().toLocaleTimeString());
      setType('');
      setDiseaseClass('');
      setObservedAt(localNow());
      setPoint(undefined);
      setPlaceText('');
      setTitle('');
      setDescription('');
      setPhotos([]);
      setFormKey((value) => value + 1);
    } catch (failure) {
      setProblem(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="panel report-form" onSubmit={(event) => void submit(event)} aria-label={t('report.title')} noValidate>
      <label className="field">
        <span>{t('report.type')}</span>
        <select name="type" required value={type} onChange={(event) => setType(event.target.value)}>
          <option value="">{t('report.chooseType')}</option>
          {EVENT_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`eventTypes.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {isDiseaseType(type) && (
        <label className="field">
          <span>{t('report.diseaseClass')}</span>
          <select name="diseaseClass" value={diseaseClass} onChange={(event) => setDiseaseClass(event.target.value)}>
            <option value="">{t('report.unknownClass')}</option>
            {DISEASE_CLASSES.map((value) => (
              <option key={value} value={value}>
                {t(`diseaseClasses.${value}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('report.observedAt')}</span>
        <input name="observedAt" type="datetime-local" required value={observedAt} onChange={(event) => setObservedAt(event.target.value)} />
      </label>
      <fieldset className="fieldset">
        <legend>{t('report.place')}</legend>
        <p className="muted">{t('report.placeHint')}</p>
        <JurisdictionPicker value={unit} onChange={setUnit} search={search} placeholder={searchPlaceholder} />
        <PointPicker point={point} onChange={setPoint} center={unit?.centroid ?? null} contextCode={contextCode} />
        <label className="field">
          <span>{t('report.placeText')}</span>
          <input name="placeText" value={placeText} maxLength={300} onChange={(event) => setPlaceText(event.target.value)} />
        </label>
      </fieldset>
      <label className="field">
        <span>{t('report.titleField')}</span>
        <input name="title" value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('report.description')}</span>
        <textarea name="description" required rows={4} maxLength={5000} value={description} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <label className="field">
        <span>{t('report.photos')}</span>
        <input
          key={formKey}
          name="photos"
          type="file"
          multiple
          accept={PHOTO_MIME_TYPES.join(',')}
          onChange={(event) => choosePhotos(event.target.files)}
        />
        <small>{t('report.photosHint')}</small>
      </label>
      {kind === 'public_report' && (
        <fieldset className="fieldset">
          <legend>{t('public.aboutYou')}</legend>
          <div className="form-grid">
            <label className="field">
              <span>{t('public.reporterName')}</span>
              <input name="reporterName" autoComplete="name" maxLength={100} value={reporterName} onChange={(event) => setReporterName(event.target.value)} />
            </label>
            <label className="field">
              <span>{t('public.reporterPhone')}</span>
              <input name="reporterPhone" type="tel" autoComplete="tel" maxLength={32} value={reporterPhone} onChange={(event) => setReporterPhone(event.target.value)} />
            </label>
          </div>
        </fieldset>
      )}
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {queuedAt && (
        <p className="notice" role="status" data-testid="queued-notice">
          {t('report.queued', { time: queuedAt })}
        </p>
      )}
      <button type="submit" className="primary" disabled={isBusy} data-testid="submit-report">
        {t('report.submit')}
      </button>
    </form>
  );
}

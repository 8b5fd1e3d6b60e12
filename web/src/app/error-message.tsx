import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';

/** Shows an error from the API (message plus field details) or any other thrown value. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error)
    ? t(`errors.${error.code}`, { defaultValue: error.message || error.code })
    : error instanceof Error
      ? error.message
      : String(error);
  const details = isApiError(error) ? error.details : [];
  return (
    <div className="error" role="alert">
      <strong>{message}</strong>
      {details.length > 0 && (
        <ul>
          {details.map((detail, index) => (
            <li key={index}>{detail.field ? `${detail.field}: ${detail.message}` : detail.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

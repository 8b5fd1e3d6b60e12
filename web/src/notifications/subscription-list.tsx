import { useTranslation } from 'react-i18next';
import type { Subscription } from './types.js';

function describeArea(s: Subscription, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (s.area.kind === 'jurisdiction') return t('notifications.areaJurisdiction', { code: s.area.jurisdictionCode });
  if (s.area.kind === 'point') return t('notifications.areaPoint', { lat: s.area.lat.toFixed(4), lon: s.area.lon.toFixed(4), radius: s.area.radiusKm });
  return t('notifications.areaPolygon', { count: s.area.polygon.length });
}

/** My subscriptions with a remove button each. */
export function SubscriptionList({ items, onRemove }: { items: Subscription[]; onRemove: (id: string) => void }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="muted">{t('notifications.noSubscriptions')}</p>;
  return (
    <table className="data-table" data-testid="subscription-list">
      <thead>
        <tr>
          <th>{t('notifications.channel')}</th>
          <th>{t('notifications.area')}</th>
          <th>{t('notifications.minColour')}</th>
          <th>{t('notifications.categories')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <td>
              {t(`notifications.channels.${s.channel}`)}
              {s.channel === 'email' || s.channel === 'sms' ? ` · ${s.address}` : ''}
            </td>
            <td>{describeArea(s, t)}</td>
            <td>{t(`notifications.colours.${s.minColour}`)}</td>
            <td>{s.categories.length === 0 ? t('notifications.allCategories') : s.categories.map((c) => t(`notifications.capCategories.${c}`)).join(', ')}</td>
            <td>
              <button type="button" onClick={() => onRemove(s.id)}>
                {t('notifications.remove')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

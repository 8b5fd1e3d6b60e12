import { useTranslation } from 'react-i18next';
import type { ChannelProgress } from './types.js';

const STATES = ['queued', 'sending', 'delivered', 'failed', 'dead'] as const;

/** Deliveries of one alert per channel and state (from the notification service). */
export function DeliveryProgress({ channels }: { channels: ChannelProgress[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="delivery-title">
      <h2 id="delivery-title">{t('warnings.deliveries')}</h2>
      {channels.length === 0 ? (
        <p className="muted">{t('warnings.noDeliveries')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="delivery-progress">
            <thead>
              <tr>
                <th scope="col">{t('warnings.channel')}</th>
                {STATES.map((state) => (
                  <th key={state} scope="col">
                    {t(`warnings.deliveryStates.${state}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {channels.map((channel) => (
                <tr key={channel.channel}>
                  <td>{t(`warnings.channels.${channel.channel}`, { defaultValue: channel.channel })}</td>
                  {STATES.map((state) => (
                    <td key={state}>{channel.counts[state] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

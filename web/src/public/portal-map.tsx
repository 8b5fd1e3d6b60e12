import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from '../map/use-map.js';
import { ALERT_LAYERS, ALERT_SOURCE, RISK_COLOURS, RISK_LAYERS, RISK_SOURCE, WARNING_COLOURS, alertFeatures, boundsOf, portalStyle, riskFeatures } from './portal-map-style.js';
import type { PublicAlert, RiskAreaFeature } from './portal-types.js';

/** Current warnings (by warning colour) and risk areas (by level) on one map; tapping names them. */
export function PortalMap({ alerts, riskAreas }: { alerts: readonly PublicAlert[] | undefined; riskAreas: readonly RiskAreaFeature[] | undefined }) {
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { map, isLoaded, isUnavailable } = useMap(container, portalStyle, { center: [112.3, 30.9], zoom: 4 });
  const [picked, setPicked] = useState<string>();
  const hasFitted = useRef(false);
  const alertData = useMemo(() => alertFeatures(alerts ?? [], i18n.language), [alerts, i18n.language]);
  const riskData = useMemo(() => riskFeatures(riskAreas ?? [], i18n.language), [riskAreas, i18n.language]);

  useEffect(() => {
    if (!map) return;
    const onClick = (event: MapLayerMouseEvent) => {
      const properties = event.features?.[0]?.properties;
      if (properties) setPicked(String(properties.headline ?? `${String(properties.name)} · ${t(`information.portal.riskLevels.${String(properties.level)}`)}`));
    };
    const layers = [...ALERT_LAYERS, ...RISK_LAYERS];
    for (const layer of layers) map.on('click', layer, onClick);
    return () => {
      for (const layer of layers) map.off('click', layer, onClick);
    };
  }, [map, t]);

  useEffect(() => {
    if (!map || !isLoaded) return;
    map.getSource<GeoJSONSource>(ALERT_SOURCE)?.setData({ type: 'FeatureCollection', features: alertData } as GeoJSON.FeatureCollection);
    map.getSource<GeoJSONSource>(RISK_SOURCE)?.setData({ type: 'FeatureCollection', features: riskData } as GeoJSON.FeatureCollection);
    const element = map.getContainer();
    element.dataset.alertFeatures = String(alertData.length);
    element.dataset.riskFeatures = String(riskData.length);
    if (!hasFitted.current && alerts !== undefined && riskAreas !== undefined) {
      const bounds = boundsOf([...alertData, ...riskData]);
      if (bounds) map.fitBounds(bounds, { padding: 30, duration: 0, maxZoom: 11 });
      hasFitted.current = true;
    }
  }, [map, isLoaded, alertData, riskData, alerts, riskAreas]);

  return (
    <section className="map-panel portal-map" aria-label={t('information.portal.mapTitle')}>
      <div ref={container} className="map" data-testid="portal-map" />
      <div className="map-caption legend" aria-live="polite">
        {picked ?? (
          <>
            {Object.entries(WARNING_COLOURS).map(([colour, hex]) => (
              <span key={colour} className="legend-item">
                <span className="swatch" style={{ background: hex }} /> {t(`information.portal.colours.${colour}`)}
              </span>
            ))}
            {Object.entries(RISK_COLOURS).map(([level, hex]) => (
              <span key={level} className="legend-item">
                <span className="swatch" style={{ background: hex, opacity: 0.6 }} /> {t(`information.portal.riskLevels.${level}`)}
              </span>
            ))}
          </>
        )}
      </div>
      {isUnavailable && <p className="notice">{t('information.portal.mapUnavailable')}</p>}
    </section>
  );
}

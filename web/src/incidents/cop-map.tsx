import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../app/error-message.js';
import { navigate } from '../app/hash-route.js';
import { boundsToShow } from '../jurisdictions/map-style.js';
import { useContextOutline } from '../map/use-context-outline.js';
import { useMap } from '../map/use-map.js';
import { COP_LAYERS, COP_SOURCE, copStyle, LEVEL_COLOURS, UNASSESSED_COLOUR } from './cop-style.js';
import type { CommonOperatingPicture } from './types.js';

/** The common operating picture on a map; clicking an incident opens it. */
export function CopMap({ scope, picture, error }: { scope: string; picture: CommonOperatingPicture | undefined; error: unknown }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { map, isLoaded, isUnavailable } = useMap(container, copStyle);
  const [hovered, setHovered] = useState<string>();
  const hasFitted = useRef(false);
  // The scope's units for orientation; the first view shows the scope.
  const context = useContextOutline(map, isLoaded, scope, true);

  useEffect(() => {
    if (!map) return;
    const onClick = (event: MapLayerMouseEvent) => {
      const id = event.features?.[0]?.properties?.id;
      if (typeof id === 'string') navigate('incidents', id);
    };
    const onMove = (event: MapLayerMouseEvent) => {
      const properties = event.features?.[0]?.properties;
      map.getCanvas().style.cursor = 'pointer';
      if (properties) setHovered(`${String(properties.number)} · ${String(properties.title)}`);
    };
    const onLeave = () => {
      map.getCanvas().style.cursor = '';
      setHovered(undefined);
    };
    for (const layer of COP_LAYERS) {
      map.on('click', layer, onClick);
      map.on('mousemove', layer, onMove);
      map.on('mouseleave', layer, onLeave);
    }
    return () => {
      for (const layer of COP_LAYERS) {
        map.off('click', layer, onClick);
        map.off('mousemove', layer, onMove);
        map.off('mouseleave', layer, onLeave);
      }
    };
  }, [map]);

  useEffect(() => {
    if (!map || !isLoaded || !picture) return;
    map.getSource<GeoJSONSource>(COP_SOURCE)?.setData({ type: 'FeatureCollection', features: picture.features });
    map.getContainer().dataset.features = String(picture.features.length);
  }, [map, isLoaded, picture]);

  // Where the scope has no geography, show the incidents instead, once; refreshes keep the view.
  useEffect(() => {
    if (!map || !picture || context !== 'none' || hasFitted.current) return;
    const bounds = boundsToShow(picture);
    if (bounds) map.fitBounds(bounds, { padding: 40, duration: 0, maxZoom: 11 });
    hasFitted.current = true;
  }, [map, picture, context]);

  return (
    <section className="map-panel" aria-label={t('incidents.cop')}>
      <div ref={container} className="map" data-testid="cop-map" />
      <div className="map-caption legend" aria-live="polite">
        {hovered ?? (
          <>
            {Object.entries(LEVEL_COLOURS).map(([level, colour]) => (
              <span key={level} className="legend-item">
                <span className="swatch" style={{ background: colour }} /> {t(`levelsIV.${level}`)}
              </span>
            ))}
            <span className="legend-item">
              <span className="swatch" style={{ background: UNASSESSED_COLOUR }} /> {t('levelsIV.unassessed')}
            </span>
            {picture?.counts && picture.counts.unlocated > 0 && (
              <span className="legend-item">{t('incidents.unlocated', { count: picture.counts.unlocated })}</span>
            )}
          </>
        )}
      </div>
      {isUnavailable && <p className="error" role="alert">{t('map.unavailable')}</p>}
      <ErrorMessage error={error} />
    </section>
  );
}

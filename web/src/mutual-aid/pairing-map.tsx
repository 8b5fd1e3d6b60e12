import { useEffect, useRef } from 'react';
import type { GeoJSONSource, LngLatBoundsLike } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import { useMap } from '../map/use-map.js';
import { PAIRING_LINES, PAIRING_POINTS, pairingLines, pairingPoints, pairingStyle } from './pairing-geojson.js';
import type { Pairing } from './types.js';

function boundsOf(pairings: readonly Pairing[]): LngLatBoundsLike | undefined {
  const points = pairings.flatMap((p) => [p.supporter.centroid, p.supported.centroid]).filter((c): c is [number, number] => c !== null);
  if (points.length === 0) return undefined;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]];
}

/** Pairings as lines from supporter to supported centroid (MapLibre, no tile server). */
export function PairingMap({ pairings }: { pairings: readonly Pairing[] }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { map, isLoaded, isUnavailable } = useMap(container, pairingStyle, { center: [113, 31], zoom: 4 });

  useEffect(() => {
    if (!map || !isLoaded) return;
    (map.getSource(PAIRING_LINES) as GeoJSONSource | undefined)?.setData(pairingLines(pairings));
    (map.getSource(PAIRING_POINTS) as GeoJSONSource | undefined)?.setData(pairingPoints(pairings));
    const bounds = boundsOf(pairings);
    if (bounds) map.fitBounds(bounds, { padding: 30, animate: false });
  }, [map, isLoaded, pairings]);

  return (
    <figure className="pairing-map">
      <figcaption>{t('mutualAid.pairings.map')}</figcaption>
      {!isUnavailable && <div ref={container} data-testid="pairing-map" style={{ height: 420 }} />}
    </figure>
  );
}

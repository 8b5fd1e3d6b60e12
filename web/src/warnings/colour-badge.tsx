import { useTranslation } from 'react-i18next';
import { COLOUR_SWATCH } from './types.js';

/** A warning colour as a badge in that colour. */
export function ColourBadge({ colour }: { colour: string | null }) {
  const { t } = useTranslation();
  const swatch = (colour && COLOUR_SWATCH[colour]) || '#757575';
  return (
    <span className="level-badge" style={{ borderColor: swatch, color: swatch }} data-colour={colour ?? ''}>
      {t(`warnings.colours.${colour ?? 'none'}`)}
    </span>
  );
}

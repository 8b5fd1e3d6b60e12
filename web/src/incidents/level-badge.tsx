import { useTranslation } from 'react-i18next';
import { LEVEL_COLOURS, UNASSESSED_COLOUR } from './cop-style.js';

/** A severity level I–IV in its colour; "unassessed" in grey. */
export function LevelBadge({ level }: { level: string | null }) {
  const { t } = useTranslation();
  const colour = (level && LEVEL_COLOURS[level]) || UNASSESSED_COLOUR;
  return (
    <span className="level-badge" style={{ borderColor: colour, color: colour }} data-level={level ?? ''}>
      {t(`levelsIV.${level ?? 'unassessed'}`, { defaultValue: level ?? '' })}
    </span>
  );
}

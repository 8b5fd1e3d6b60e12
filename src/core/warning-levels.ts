/**
 * The four warning colours (DOMAIN.md §1): 一级 red is the highest, 四级 blue the lowest.
 * Shared by warnings, subscriptions (minimum level) and the web app.
 */
export const WARNING_COLOURS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

export function isWarningColour(value: string): value is WarningColour {
  return (WARNING_COLOURS as readonly string[]).includes(value);
}

/** 1 (blue) … 4 (red): compare colours by rank, never by name. */
export function colourRank(colour: WarningColour): number {
  return WARNING_COLOURS.indexOf(colour) + 1;
}

/** Whether `colour` is at least as high as `minimum` (a subscriber's threshold). */
export function isAtLeast(colour: WarningColour, minimum: WarningColour): boolean {
  return colourRank(colour) >= colourRank(minimum);
}

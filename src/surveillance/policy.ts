import { hasRoleOver, type Actor } from '../core/actor.js';
import type { Role } from '../core/roles.js';

/** Roles that read count series, alarms and detection results in their subtree. */
export const SURVEILLANCE_READERS: readonly Role[] = ['admin', 'commander', 'duty_officer', 'department_officer', 'analyst'];

/** Roles that create series, upload counts and set detection methods and parameters. */
const CONFIGURERS: readonly Role[] = ['admin', 'duty_officer', 'analyst'];

export function canReadSurveillance(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, SURVEILLANCE_READERS);
}

/** Creating a series at `path`, uploading its counts, changing its methods. */
export function canConfigureSurveillance(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, CONFIGURERS);
}

/** Running the scheduled detection now over the subtree at `path` (it writes signals): admins. */
export function canRunDetectionNow(actor: Actor, path: string): boolean {
  return hasRoleOver(actor, path, ['admin']);
}

import { OS_KEY, type DesktopOs } from '../../../shared/work/os-bridge.js';

/** The desktop's bridge to Windows (notifications, Open and Save dialogs); null in browser mode. */
export function desktopOs(): DesktopOs | null {
  const bridge = (window as unknown as Record<string, unknown>)[OS_KEY];
  return typeof bridge === 'object' && bridge !== null && 'notify' in bridge ? (bridge as DesktopOs) : null;
}

/**
 * What the classroom shows, shared by the header buttons (loaded with the page) and the
 * classroom layer (loaded after it). Kept tiny: everything heavy is imported when used.
 */
export const WELCOME_SEEN_KEY = 's2s-welcome-seen';
export const PRESENTER_KEY = 's2s-presenter';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage off (private browsing): the choice lasts until reload.
  }
}

// A share or preset link says what the visitor came for: no welcome screen over it.
const arrivedByLink = typeof location !== 'undefined' && /^#(s|preset)=/.test(location.hash);

export type Panel = 'welcome' | 'presets' | 'help' | 'tours' | null;

export const classroom = $state({
  /** The dialog or menu the classroom shows. */
  panel: (read(WELCOME_SEEN_KEY) || arrivedByLink ? null : 'welcome') as Panel,
  presenter: read(PRESENTER_KEY) === 'on',
  /** The running walkthrough's name. */
  tour: null as string | null,
});

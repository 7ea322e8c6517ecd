/** The keyboard shortcuts of the simulation, as the help overlay lists them. */
export const SHORTCUTS = [
  { key: 'Space', does: 'Play or pause the simulation' },
  { key: '→', does: 'Step forward: deliver the next message' },
  { key: '←', does: 'Step back: undo the last event' },
  { key: 'P', does: 'Presenter mode on or off' },
  { key: '?', does: 'Show this help' },
] as const;

export type ShortcutAction = 'toggle' | 'step' | 'back' | 'help';

/** Whether a key press belongs to a text field or an editor, where no page shortcut may act. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as Element | null;
  return !!el?.closest?.('input, textarea, select, [contenteditable], .cm-editor');
}

/**
 * The action a key press asks for, or null when the key belongs to what has focus: typing in a
 * field, arrows in a slider, select or tab list, Space on a button, or anything in a dialog.
 */
export function shortcutFor(e: KeyboardEvent): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return null;
  const t = e.target as Element | null;
  if (isTyping(t) || t?.closest?.('dialog, [role=dialog], [role=alertdialog]')) return null;
  if (e.key === '?') return 'help';
  const widget = t?.closest?.('button, a, summary, [role=tab], [role=slider], [role=menuitem]');
  if (widget) return null;
  if (e.key === ' ') return 'toggle';
  if (e.key === 'ArrowRight') return 'step';
  if (e.key === 'ArrowLeft') return 'back';
  return null;
}

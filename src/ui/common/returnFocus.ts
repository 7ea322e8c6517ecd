const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Remembers the control that opened a dialog (the focused one now) and returns what gives focus
 * back to it when the dialog closes. When the action took the control away (Stop Sharing on a
 * share that is now Inactive, Convert on a Lead now converted), focus goes to the first control
 * of the nearest part of the page still there, never to the page's body.
 */
export function rememberOpener(doc: Document = document): () => void {
  const opener = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const ancestors: HTMLElement[] = [];
  for (let el = opener?.parentElement; el && el !== doc.body; el = el.parentElement)
    ancestors.push(el);
  return () => {
    if (opener?.isConnected) return opener.focus({ preventScroll: true });
    for (const el of ancestors) {
      if (!el.isConnected) continue;
      const first = el.querySelector<HTMLElement>(FOCUSABLE);
      if (first) return first.focus({ preventScroll: true });
    }
  };
}

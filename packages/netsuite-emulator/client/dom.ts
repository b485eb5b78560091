/** Building the runtime's own markup. Script text only ever goes in through textContent. */

/** A new `tag` element with `className` and, when given, `text` as its content. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

type Child = Node | string;

/** Creates an element with attributes and children; text goes in through text nodes only. */
export function h(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

export function kpi(label: string, value: string, detail = ''): HTMLElement {
  return h('div', { class: 'kpi', role: 'group', 'aria-label': label }, h('div', { class: 'kpi-value' }, value), h('div', { class: 'kpi-label' }, label), ...(detail ? [h('div', { class: 'kpi-detail' }, detail)] : []));
}

/**
 * A chart's figure. The canvas's box is kept from the page drawn before, when there is one: Chart.js keeps its chart
 * on that canvas and watches that box's size, so a redraw only swaps the data.
 */
export function chartFigure(previous: ParentNode, id: string, title: string, ...after: HTMLElement[]): HTMLElement {
  const kept = previous.querySelector(`#${id}`)?.parentElement;
  const box = kept ?? h('div', { class: 'canvas-box' }, h('canvas', { id, role: 'img', 'aria-label': title }));
  return h('figure', { class: 'chart' }, h('figcaption', {}, title), box, ...after);
}

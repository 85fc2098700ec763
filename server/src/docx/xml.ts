// Small helpers over @xmldom/xmldom for WordprocessingML: children and attributes by local name (transitional and strict namespaces alike).
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

const ELEMENT_NODE = 1;

/** Parses an XML part; null when it is not well-formed. */
export function parseXml(xml: string): Element | null {
  try {
    let failed = false;
    const doc = new DOMParser({
      onError: (level) => {
        if (level === 'fatalError') failed = true;
      },
    }).parseFromString(xml, 'text/xml');
    return failed ? null : doc.documentElement;
  } catch {
    return null;
  }
}

/** The element children of `el`, in order. */
export function elements(el: Node | null | undefined): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE) out.push(n as Element);
  return out;
}

/** The element children of `el` named `name` (local name). */
export function children(el: Node | null | undefined, name: string): Element[] {
  return elements(el).filter((e) => e.localName === name);
}

/** The first element child of `el` named `name`, or null. */
export function child(el: Node | null | undefined, name: string): Element | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE && (n as Element).localName === name) return n as Element;
  return null;
}

/** An attribute by local name (`w:val`, `r:id`), or null; null for a null element. */
export function attr(el: Element | null | undefined, name: string): string | null {
  if (!el || !el.attributes) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && (a.localName === name || a.name === name)) return a.value;
  }
  return null;
}

/** An on/off property (`<w:vanish/>`, `<w:vanish w:val="0"/>`): present and not switched off. */
export function isOn(el: Element | null | undefined): boolean {
  if (!el) return false;
  const v = attr(el, 'val');
  return v === null || !(v === '0' || v === 'false' || v === 'off');
}

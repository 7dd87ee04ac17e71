// Building DOM nodes without markup strings: every text goes in through textContent or a text
// node, so a name like <img src=x onerror=...> shows as those characters and never as an element.

/** el('a', {href: '#/x', class: 'btn'}, 'text', childNode, [more]) */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'onclick' || key === 'onsubmit' || key === 'oninput' || key === 'onchange') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'text') {
      node.textContent = String(value);
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else if (c instanceof Node) node.appendChild(c);
    else node.appendChild(document.createTextNode(String(c)));
  }
}

/** Replaces what a node holds. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A timestamp as people read it, in their own zone; '—' for none. */
export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
}

export function short(fingerprint) {
  return fingerprint ? String(fingerprint).slice(0, 12) : '—';
}

export function badge(text, kind) {
  return el('span', {class: 'badge ' + (kind || String(text).replace(/[^a-z_]/gi, ''))}, text);
}

export function section(title, ...children) {
  return el('section', {class: 'card'}, el('h2', {}, title), children);
}

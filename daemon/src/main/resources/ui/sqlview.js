// SQL blocks: a script with its destructive statements marked, and two definitions side by side
// with the lines that differ highlighted (a line-level longest-common-subsequence diff).
import {el} from './dom.js';

/** The reconcile script as served: "-- skipped, destructive:" blocks (and their commented lines) are marked. */
export function scriptBlock(text, id) {
  const pre = el('pre', {class: 'sql', id, tabindex: '0'});
  let inDestructive = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('-- skipped, destructive:')) inDestructive = true;
    else if (!line.startsWith('-- ')) inDestructive = false;
    pre.appendChild(el('span', {class: 'line' + (inDestructive ? ' destructive' : '') + (line.startsWith('--') ? ' comment' : '')},
      line + '\n'));
  }
  return pre;
}

/** Pairs of rows for two line lists: [left|null, right|null, same]. */
function align(a, b) {
  // a line that only gained or lost its trailing comma (a column added after it) is the same line
  const key = (l) => l.replace(/,\s*$/, '');
  const ka = a.map(key), kb = b.map(key);
  const n = a.length, m = b.length;
  const lcs = Array.from({length: n + 1}, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = ka[i] === kb[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const rows = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ka[i] === kb[j]) { rows.push([a[i], b[j], true]); i++; j++; }
    else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) { rows.push([null, b[j], false]); j++; }
    else { rows.push([a[i], null, false]); i++; }
  }
  return rows;
}

function lines(statements) {
  return statements.flatMap((s) => (s + ';').split('\n'));
}

/** Golden's statements on the left, the member's on the right; differing lines marked on each side. */
export function sideBySide(golden, member) {
  const rows = align(lines(golden), lines(member));
  const left = el('pre', {class: 'sql side golden', tabindex: '0', 'aria-label': "golden's definition"});
  const right = el('pre', {class: 'sql side member', tabindex: '0', 'aria-label': "the member's definition"});
  if (golden.length === 0) left.appendChild(el('span', {class: 'line absent'}, '(golden has no such object)\n'));
  if (member.length === 0) right.appendChild(el('span', {class: 'line absent'}, '(the member has no such object)\n'));
  for (const [l, r, same] of rows) {
    if (golden.length > 0) left.appendChild(el('span', {class: 'line' + (same ? '' : l === null ? ' gap' : ' removed')}, (l === null ? '' : l) + '\n'));
    if (member.length > 0) right.appendChild(el('span', {class: 'line' + (same ? '' : r === null ? ' gap' : ' added')}, (r === null ? '' : r) + '\n'));
  }
  return el('div', {class: 'sbs'},
    el('div', {}, el('h4', {}, 'Golden'), left),
    el('div', {}, el('h4', {}, 'Member'), right));
}

/** Copies text; the async clipboard where allowed, else a selected hidden textarea. */
export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    const ta = el('textarea', {class: 'offscreen', 'aria-hidden': 'true'});
    ta.value = text;
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

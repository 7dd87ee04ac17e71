// The confirmation every destructive action asks for: it names the member (or rollout) and lists
// the statements that will run; destructive ones are marked and need the member's name typed in.
import {el} from './dom.js';

/**
 * @param title     what is about to happen ("Apply plan 5b0c… to tenant_hooli")
 * @param target    the member (or variant) the action touches; typed in to confirm when destructive
 * @param statements [{sql, destructive, hazards}]
 * @returns a promise of true (confirmed) or false
 */
export function confirmAction(title, target, statements, actionLabel) {
  const destructive = statements.some((s) => s.destructive);
  const typed = el('input', {id: 'confirm-name', type: 'text', autocomplete: 'off', spellcheck: 'false'});
  const ok = el('button', {type: 'submit', class: 'btn danger', id: 'confirm-ok', disabled: destructive}, actionLabel);
  const cancel = el('button', {type: 'button', class: 'btn', id: 'confirm-cancel'}, 'Cancel');
  const list = el('ol', {class: 'statements'}, statements.map((s) =>
    el('li', {class: s.destructive ? 'destructive' : ''},
      s.destructive ? el('strong', {class: 'badge destructive'}, 'destructive') : null,
      (s.hazards || []).map((h) => el('span', {class: 'badge hazard'}, h.toLowerCase())),
      el('pre', {class: 'sql'}, s.sql + ';'))));
  const dialog = el('dialog', {class: 'confirm', id: 'confirm', 'aria-labelledby': 'confirm-title'},
    el('form', {method: 'dialog'},
      el('h2', {id: 'confirm-title'}, title),
      el('p', {}, 'Member: ', el('strong', {id: 'confirm-target'}, target)),
      el('p', {}, statements.length + ' statement' + (statements.length === 1 ? '' : 's') + ' will run'
        + (destructive ? ', some of which delete data:' : ':')),
      list,
      destructive ? el('p', {}, el('label', {for: 'confirm-name'}, 'Type the member name to confirm: '), typed) : null,
      el('div', {class: 'actions'}, cancel, ok)));
  typed.addEventListener('input', () => { ok.disabled = typed.value !== target; });
  document.body.appendChild(dialog);
  return new Promise((resolve) => {
    let answer = false;
    ok.addEventListener('click', () => { answer = true; });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => { dialog.remove(); resolve(answer); });
    dialog.showModal();
    (destructive ? typed : cancel).focus();
  });
}

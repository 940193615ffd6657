// Scrolls the first highlighted quote into view inside its scrolling text box.
window.commitmentTracker = {
    revealMark: function (containerId) {
        const box = document.getElementById(containerId);
        const mark = box && (box.querySelector('mark.active') || box.querySelector('mark'));
        if (mark) { box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3; }
    }
};

// Copies text for the "Copy" buttons; false when the browser refuses (no clipboard outside a secure context).
window.commitmentTracker.copyText = async function (text) {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
};

// Moves the focus to the first element matching selector inside the element with this id: when the control that held
// the focus is replaced (the import review's Accept becomes "Open the commitment"), the focus stays where the person was.
window.commitmentTracker.focusWithin = function (id, selector) {
    const box = document.getElementById(id);
    const target = box && box.querySelector(selector);
    if (target) { target.focus(); }
};

// Keyboard shortcuts (issue 13, item 7): "/" puts the cursor in the page's search box; "g" then a letter goes to a
// page (d dashboard, o overdue, c commitments, m meetings, p parties, i import); in the import review "j" and "k" move
// to the next and previous proposal. Never while typing in a field.
(function () {
    const pages = { d: '/', o: '/overdue', c: '/commitments', m: '/meetings', p: '/parties', i: '/import' };
    let awaitingPage = false;

    // From the proposal holding the focus (or, before any, from above the first), to the next or previous one; the
    // focus moves with it, so Tab then reaches that proposal's buttons.
    function stepProposal(e, step) {
        const all = [...document.querySelectorAll('[data-proposal]')];
        if (all.length === 0) { return; }
        e.preventDefault();
        const at = all.findIndex(p => p.contains(document.activeElement));
        const next = at < 0 ? (step > 0 ? 0 : all.length - 1) : Math.min(Math.max(at + step, 0), all.length - 1);
        all[next].focus({ preventScroll: true });
        all[next].scrollIntoView({ block: 'nearest' });
    }
    document.addEventListener('keydown', function (e) {
        if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) { return; }
        const target = e.target;
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) { awaitingPage = false; return; }
        if (awaitingPage) {
            awaitingPage = false;
            const to = pages[e.key];
            if (to) { e.preventDefault(); window.Blazor && window.Blazor.navigateTo ? window.Blazor.navigateTo(to) : window.location.assign(to); }
            return;
        }
        if (e.key === '/') {
            const search = document.querySelector('[data-shortcut="search"] input, input[data-shortcut="search"]');
            if (search) { e.preventDefault(); search.focus(); }
        } else if (e.key === 'g') {
            awaitingPage = true;
        } else if (e.key === 'j' || e.key === 'k') {
            stepProposal(e, e.key === 'j' ? 1 : -1);
        }
    });
})();

// Drafts survive a lost connection (issue 13, item 8). When the server restarts, Blazor reloads the page and a new
// circuit renders empty forms: what was typed into a form marked data-draft is kept in this tab's sessionStorage as
// it is typed, put back (and sent to the circuit as if typed) once the new circuit is ready, and dropped when the
// form's save succeeds. Only text fields are kept; choices in lists are quick to make again.
(function () {
    const prefix = 'ct-draft:';
    const fieldsOf = form => form.querySelectorAll('textarea, input[type="text"], input:not([type])');
    const labelOf = field => {
        const label = field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
        return (field.getAttribute('aria-label') || (label && label.textContent) || field.name || '').trim();
    };
    const keyOf = (form, field) => {
        const label = labelOf(field);
        return label ? prefix + location.pathname + '|' + form.dataset.draft + '|' + label : null;
    };

    document.addEventListener('input', function (e) {
        const field = e.target;
        const form = field && field.closest && field.closest('form[data-draft]');
        if (!form) { return; }
        const key = keyOf(form, field);
        if (!key) { return; }
        if (field.value) { sessionStorage.setItem(key, field.value); } else { sessionStorage.removeItem(key); }
    }, true);

    // Called by the form once its save succeeded: a failed save keeps the draft.
    window.commitmentTracker.forgetDraft = function (name) {
        const start = prefix + location.pathname + '|' + name + '|';
        Object.keys(sessionStorage).filter(k => k.startsWith(start)).forEach(k => sessionStorage.removeItem(k));
    };

    function restore() {
        if (!document.querySelector('[data-circuit="ready"]')) { return; }
        document.querySelectorAll('form[data-draft]:not([data-draft-restored])').forEach(form => {
            form.dataset.draftRestored = '1';
            let restored = 0;
            fieldsOf(form).forEach(field => {
                const key = keyOf(form, field);
                const saved = key && sessionStorage.getItem(key);
                if (saved && !field.value) {
                    field.value = saved;
                    field.dispatchEvent(new Event('input', { bubbles: true }));
                    field.dispatchEvent(new Event('change', { bubbles: true }));
                    restored++;
                }
            });
            if (restored > 0) { form.dataset.draftRestored = 'restored'; }
        });
    }

    new MutationObserver(restore).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-circuit'] });
})();

// Live pages ask the server only while the tab is visible (decision 0039): the page's LiveChanges component is told
// when the tab is hidden or shown. Returns whether it is visible now.
(function () {
    const watchers = new Map();
    window.commitmentTracker.watchVisibility = function (id, component) {
        const listener = () => component.invokeMethodAsync('VisibilityChanged', document.visibilityState === 'visible').catch(() => { });
        watchers.set(id, listener);
        document.addEventListener('visibilitychange', listener);
        return document.visibilityState === 'visible';
    };
    window.commitmentTracker.unwatchVisibility = function (id) {
        const listener = watchers.get(id);
        if (listener) { document.removeEventListener('visibilitychange', listener); watchers.delete(id); }
    };
})();

// Capture by selecting text (decision 0039): reports the selection inside a meeting record to the page, as offsets
// into the record. In the highlighted view every run of text says where it starts (data-at), so a boundary's offset
// is its run's start plus the characters before it in the run; in the plain-text view (a read-only textarea, for the
// keyboard) the offsets are the textarea's own, counted with line breaks as "\n" (the page maps them back).
(function () {
    const watchers = new Map();

    function offsetIn(root, node, offset) {
        if (node === root) {
            let child = root.childNodes[offset];
            while (child && !(child.nodeType === 1 && child.dataset.at !== undefined)) { child = child.nextSibling; }
            return child ? Number(child.dataset.at) : Number(root.dataset.recordLength);
        }
        const element = (node.nodeType === 1 ? node : node.parentElement);
        const run = element && element.closest('[data-at]');
        if (!run || !root.contains(run)) { return null; }
        const before = document.createRange();
        before.setStart(run, 0);
        before.setEnd(node, offset);
        return Number(run.dataset.at) + before.toString().length;
    }

    function selectionIn(root) {
        if (root.tagName === 'TEXTAREA') {
            const start = root.selectionStart, end = root.selectionEnd;
            return end > start ? { start: start, end: end, text: root.value.substring(start, end), normalized: true } : null;
        }
        const selection = window.getSelection();
        if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { return null; }
        const range = selection.getRangeAt(0).cloneRange();
        if (!range.intersectsNode(root)) { return null; }
        const whole = document.createRange();
        whole.selectNodeContents(root);
        if (range.compareBoundaryPoints(Range.START_TO_START, whole) < 0) { range.setStart(whole.startContainer, whole.startOffset); }
        if (range.compareBoundaryPoints(Range.END_TO_END, whole) > 0) { range.setEnd(whole.endContainer, whole.endOffset); }
        const start = offsetIn(root, range.startContainer, range.startOffset);
        const end = offsetIn(root, range.endContainer, range.endOffset);
        return start !== null && end !== null && end > start ? { start: start, end: end, text: range.toString(), normalized: false } : null;
    }

    window.commitmentTracker.watchRecordSelection = function (id, component) {
        let timer = null, last = 'null', pressed = false;
        // Nothing is reported while a pointer button is down: the status above the record can change its height with
        // what it says, and reported in the middle of a drag it moved the words under the pointer (the drag then ended a
        // line lower, past the sentence). The selection is reported once the button is released.
        const report = () => {
            clearTimeout(timer);
            if (pressed) { return; }
            timer = setTimeout(() => {
                const root = document.getElementById(id);
                const selection = root ? selectionIn(root) : null;
                const key = JSON.stringify(selection);
                if (key === last) { return; }
                last = key;
                component.invokeMethodAsync('SelectionChanged', selection).catch(() => { });
            }, 120);
        };
        // A textarea's selection changes without a document selectionchange in some browsers: listen to it as well.
        const fromRecord = e => { if (e.target && e.target.id === id) { report(); } };
        const press = () => { pressed = true; clearTimeout(timer); };
        const release = () => { if (pressed) { pressed = false; report(); } };
        document.addEventListener('selectionchange', report);
        ['select', 'keyup', 'mouseup'].forEach(type => document.addEventListener(type, fromRecord, true));
        document.addEventListener('pointerdown', press, true);
        ['pointerup', 'pointercancel'].forEach(type => document.addEventListener(type, release, true));
        watchers.set(id, { report: report, fromRecord: fromRecord, press: press, release: release });
    };

    window.commitmentTracker.unwatchRecordSelection = function (id) {
        const watcher = watchers.get(id);
        if (!watcher) { return; }
        document.removeEventListener('selectionchange', watcher.report);
        ['select', 'keyup', 'mouseup'].forEach(type => document.removeEventListener(type, watcher.fromRecord, true));
        document.removeEventListener('pointerdown', watcher.press, true);
        ['pointerup', 'pointercancel'].forEach(type => document.removeEventListener(type, watcher.release, true));
        watchers.delete(id);
    };
})();

// The keyboard's sentence picker (decision 0044): one Tab stop for all its sentences; the arrow keys (and Home, End)
// move between them, and with Shift they also press the sentence moved to, which extends the choice to it.
document.addEventListener('keydown', function (e) {
    const keys = ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End'];
    const button = e.target && e.target.closest && e.target.closest('[data-sentence-picker] [data-sentence]');
    if (!button || !keys.includes(e.key) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    const all = [...button.closest('[data-sentence-picker]').querySelectorAll('[data-sentence]')];
    const at = all.indexOf(button);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1
        : (e.key === 'ArrowDown' || e.key === 'ArrowRight') ? Math.min(at + 1, all.length - 1) : Math.max(at - 1, 0);
    e.preventDefault();
    if (next === at) { return; }
    all.forEach((b, k) => { b.tabIndex = k === next ? 0 : -1; });
    all[next].focus();
    if (e.shiftKey) { all[next].click(); }
});

// A date typed into an editable date picker counts when Enter is pressed, as it does when the field is left, and Enter
// leaves no calendar open (issue 13, item 7). The picker reads typed text on the change event, which Enter raises only
// in a field inside a form (the browser's implicit submission); the dashboard's As of and the grid's due range are not
// in one. MudBlazor's picker takes Enter itself: with the calendar closed it opened it, and with it open it kept the
// calendar's day over the typed one. So Enter in a field one can type into never reaches it (a read-only picker still
// opens on Enter): the typed text is sent as a change, and an open calendar is closed with Escape after it.
window.addEventListener('keydown', function (e) {
    const input = e.target;
    if ((e.key !== 'Enter' && e.key !== 'NumpadEnter') || e.isComposing || !input || input.tagName !== 'INPUT' || input.readOnly) { return; }
    const picker = input.closest('.mud-picker');
    if (!picker) { return; }
    e.stopImmediatePropagation();
    if (!input.form) { input.dispatchEvent(new Event('change', { bubbles: true })); }
    const anchor = picker.querySelector('.mud-popover-cascading-value[id^="popover-"]');
    const popover = anchor && document.getElementById(anchor.id.replace('popover-', 'popovercontent-'));
    if (popover && popover.classList.contains('mud-popover-open')) {
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true }));
    }
}, true);

// Enter in a party picker chooses the option shown active (MudBlazor does that); it does not also submit the form the
// picker is in, as the browser would for a text field: choosing a party is not "save".
document.addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === 'NumpadEnter') && e.target && e.target.closest && e.target.closest('.party-picker')) {
        e.preventDefault();
    }
}, true);

// A link marked data-focus-first="id" (the commitment page's "Record a status") puts the focus on the first field of
// that part of the page rather than only scrolling to it, so the next key works the form (issue 13, item 7). Without
// a field there (or before the script runs) it stays an ordinary link to the fragment.
document.addEventListener('click', function (e) {
    const link = e.target && e.target.closest && e.target.closest('a[data-focus-first]');
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) { return; }
    const box = document.getElementById(link.dataset.focusFirst);
    const first = box && [...box.querySelectorAll('input:not([type="hidden"]), textarea, select, button, [tabindex]')]
        .find(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0);
    if (!first) { return; }
    e.preventDefault();
    box.scrollIntoView({ block: 'start' });
    first.focus({ preventScroll: true });
}, true);

// A grid's sort buttons say which column they sort (issue 13, item 7): MudDataGrid names every one of them "Sort" and
// offers no way to name them per column, so a screen reader heard a row of identical buttons. Each is named after its
// column's header, e.g. "Sort by Due", whenever the grid renders a header.
(function () {
    function nameSortButtons() {
        document.querySelectorAll('.mud-data-grid th .column-header').forEach(header => {
            const button = header.querySelector('button.sort-direction-icon');
            const title = header.querySelector('.sortable-column-header');
            const name = title && 'Sort by ' + title.textContent.trim();
            if (button && name && button.getAttribute('aria-label') !== name) { button.setAttribute('aria-label', name); }
        });
    }

    new MutationObserver(nameSortButtons).observe(document.documentElement, { subtree: true, childList: true });
})();

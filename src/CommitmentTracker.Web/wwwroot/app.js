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

// Keyboard shortcuts (issue 13, item 7): "/" puts the cursor in the page's search box; "g" then a letter goes to a
// page (d dashboard, o overdue, c commitments, m meetings, p parties, i import). Never while typing in a field.
(function () {
    const pages = { d: '/', o: '/overdue', c: '/commitments', m: '/meetings', p: '/parties', i: '/import' };
    let awaitingPage = false;
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

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

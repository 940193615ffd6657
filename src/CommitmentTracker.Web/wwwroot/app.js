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

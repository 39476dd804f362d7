// Curator studio: progressive enhancement only. Without this script every part of the page
// still works (forms and links); with it, validation problems update live and the entries
// filter as you type.

function showStatus(status) {
  const banner = document.getElementById('status');
  const list = document.getElementById('problem-list');
  const checked = document.getElementById('checked-at');
  const ok = status.problems.length === 0;
  if (banner) {
    banner.className = ok ? 'good' : 'bad';
    banner.textContent = ok
      ? 'The data folder validates: no problems.'
      : `The data folder has ${status.problems.length} problem${status.problems.length === 1 ? '' : 's'}; the live data is unchanged until they are fixed.`;
  }
  if (list) {
    list.replaceChildren(
      ...(ok ? ['None: the folder validates.'] : status.problems).map((text) => {
        const item = document.createElement('li');
        item.textContent = text;
        if (ok) item.className = 'none';
        return item;
      }),
    );
  }
  const warnings = document.getElementById('warning-list');
  if (warnings) {
    const none = status.warnings.length === 0;
    warnings.replaceChildren(
      ...(none ? ['None.'] : status.warnings).map((text) => {
        const item = document.createElement('li');
        item.textContent = text;
        if (none) item.className = 'none';
        return item;
      }),
    );
  }
  if (checked) {
    checked.dateTime = status.checkedAt;
    checked.textContent = status.checkedAt.slice(0, 19).replace('T', ' ');
  }
  const changed = document.getElementById('data-changed');
  if (changed) changed.hidden = status.liveVersion === document.body.dataset.version;
}

// A browser keeps only a few connections per site: a tab out of sight gives its stream back.
function followStatus() {
  if (!('EventSource' in window)) return;
  let events = null;
  const connect = () => {
    if (events) return;
    events = new EventSource('/events');
    events.addEventListener('status', (event) => {
      try {
        showStatus(JSON.parse(event.data));
      } catch {
        // A malformed event changes nothing on the page.
      }
    });
  };
  const disconnect = () => {
    events?.close();
    events = null;
  };
  document.addEventListener('visibilitychange', () => (document.hidden ? disconnect() : connect()));
  window.addEventListener('pagehide', disconnect);
  window.addEventListener('pageshow', () => {
    if (!document.hidden) connect();
  });
  if (!document.hidden) connect();
}

function filterEntries() {
  const input = document.getElementById('entry-search');
  const count = document.getElementById('entry-count');
  if (!input) return;
  const entries = Array.from(document.querySelectorAll('.entry'));
  input.addEventListener('input', () => {
    const needle = input.value.trim().toLowerCase();
    let shown = 0;
    for (const entry of entries) {
      const match = needle === '' || (entry.dataset.search || '').includes(needle);
      entry.hidden = !match;
      if (match) shown++;
    }
    if (count) {
      count.textContent =
        needle === ''
          ? `${entries.length} entries.`
          : `${shown} ${shown === 1 ? 'entry matches' : 'entries match'} “${input.value.trim()}”.`;
    }
  });
}

followStatus();
filterEntries();

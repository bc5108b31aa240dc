/*
 * The citizens' chat page. Each question goes to POST /api/v1/messages and the answer is shown at once;
 * operators' replies are fetched from GET /api/v1/replies every few seconds while the tab is visible.
 * Plain DOM, no framework and no build step. The page's Content-Security-Policy allows only this server's
 * files, and text from the server is never parsed as HTML: links are built with createElement.
 */
(function () {
  'use strict';

  var POLL_MS = 5000;
  var MAX_POLL_MS = 60000;
  var KEEP = 200;
  var WHO = { user: 'Tu', bot: 'Sportello', operator: 'Operatore' };
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  var URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;
  var CLOSING = '.,;:!?\'"»]}';

  var main = document.getElementById('chat');
  var log = document.getElementById('log');
  var form = document.getElementById('modulo');
  var input = document.getElementById('domanda');
  var status = document.getElementById('stato');
  var errorBox = document.getElementById('errore');
  var tenant = main.getAttribute('data-tenant');
  var prefix = 'sportello.' + tenant + '.';

  // Storage may be disabled or full (private browsing): the chat works without it, only forgetting more.
  function load(area, key) {
    try { return window[area].getItem(prefix + key); } catch (e) { return null; }
  }
  function save(area, key, value) {
    try { window[area].setItem(prefix + key, value); } catch (e) { /* see above */ }
  }

  function randomToken(length) {
    var bytes = new Uint8Array(length);
    window.crypto.getRandomValues(bytes);
    var out = '';
    for (var i = 0; i < length; i++) {
      out += ALPHABET.charAt(bytes[i] & 63);
    }
    return out;
  }

  // Whoever holds this id reads its replies, so it is random and stays in this browser only.
  function authorId() {
    var id = load('localStorage', 'author');
    if (!id || !/^web:[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = 'web:' + randomToken(32);
      save('localStorage', 'author', id);
    }
    return id;
  }

  var author = authorId();
  var after = parseInt(load('localStorage', 'after'), 10) || 0;
  var history = [];

  // ---- rendering: plain text with clickable http(s) links and line breaks ----

  function count(text, ch) {
    return text.split(ch).length - 1;
  }

  // A sentence may end right after a link, or put it in brackets: "(https://...)." keeps only the address.
  function trimUrl(url) {
    for (;;) {
      var last = url.charAt(url.length - 1);
      if (CLOSING.indexOf(last) >= 0 || (last === ')' && count(url, '(') < count(url, ')'))) {
        url = url.slice(0, -1);
      } else {
        return url;
      }
    }
  }

  function safeHref(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(url, href) {
    var a = document.createElement('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.textContent = url;
    var note = document.createElement('span');
    note.className = 'visually-hidden';
    note.textContent = ' (si apre in una nuova scheda)';
    a.appendChild(note);
    return a;
  }

  function appendText(parent, text) {
    text.split(/\r\n|\r|\n/).forEach(function (line, i) {
      if (i > 0) {
        parent.appendChild(document.createElement('br'));
      }
      var at = 0;
      var match;
      URL_IN_TEXT.lastIndex = 0;
      while ((match = URL_IN_TEXT.exec(line)) !== null) {
        var url = trimUrl(match[0]);
        var href = safeHref(url);
        if (match.index > at) {
          parent.appendChild(document.createTextNode(line.slice(at, match.index)));
        }
        parent.appendChild(href ? link(url, href) : document.createTextNode(url));
        at = match.index + url.length;
        URL_IN_TEXT.lastIndex = at;
      }
      if (at < line.length) {
        parent.appendChild(document.createTextNode(line.slice(at)));
      }
    });
  }

  function render(entry) {
    var item = document.createElement('div');
    item.className = 'msg msg-' + entry.who;
    var who = document.createElement('p');
    who.className = 'who';
    who.textContent = WHO[entry.who];
    var body = document.createElement('div');
    body.className = 'text';
    appendText(body, entry.text);
    item.appendChild(who);
    item.appendChild(body);
    if (entry.failed) {
      markFailed(item);
    }
    log.appendChild(item);
    // A long answer is read from its start; a short one just comes into view.
    item.scrollIntoView({ block: item.offsetHeight > window.innerHeight * 0.7 ? 'start' : 'nearest' });
    return item;
  }

  function markFailed(item) {
    if (!item.querySelector('.failed')) {
      var note = document.createElement('p');
      note.className = 'failed';
      note.textContent = 'Non inviato';
      item.appendChild(note);
    }
  }

  function remember() {
    if (history.length > KEEP) {
      history = history.slice(-KEEP);
    }
    save('sessionStorage', 'log', JSON.stringify(history.map(function (e) {
      return { who: e.who, text: e.text, failed: e.failed === true };
    })));
  }

  function add(who, text) {
    var entry = { who: who, text: text };
    history.push(entry);
    remember();
    entry.item = render(entry);
    return entry;
  }

  function restore() {
    var saved;
    try {
      saved = JSON.parse(load('sessionStorage', 'log') || '[]');
    } catch (e) {
      saved = [];
    }
    (Array.isArray(saved) ? saved : []).forEach(function (e) {
      if (e && WHO.hasOwnProperty(e.who) && typeof e.text === 'string') {
        var entry = { who: e.who, text: e.text, failed: e.failed === true };
        history.push(entry);
        render(entry);
      }
    });
  }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
  }
  function hideError() {
    errorBox.textContent = '';
    errorBox.hidden = true;
  }
  function setStatus(text) {
    status.textContent = text;
  }

  // ---- sending ----

  var sending = false;
  var pending = null;

  function fallbackReply(action) {
    switch (action) {
      case 'moderate':
        return 'Il messaggio non rispetta le regole di utilizzo del servizio e non è stato preso in carico.';
      case 'ignore':
        return 'Grazie!';
      default:
        return 'Abbiamo ricevuto il tuo messaggio.';
    }
  }

  function secondsFrom(response) {
    var wait = parseInt(response.headers.get('Retry-After'), 10);
    return wait > 0 ? wait : 10;
  }

  function failed(entry, message, text) {
    entry.failed = true;
    markFailed(entry.item);
    remember();
    showError(text);
    if (!input.value.trim()) {
      input.value = message.text;
    }
  }

  function answered(response, body, message, entry) {
    sending = false;
    setStatus('');
    if (response.status === 200 && body && typeof body.action === 'string' && body.action !== 'error') {
      pending = null;
      var reply = typeof body.reply === 'string' && body.reply.trim() ? body.reply : fallbackReply(body.action);
      add('bot', reply);
      startPolling(POLL_MS);
    } else if (response.status === 200 || response.status === 202) {
      pending = null;
      add('bot', response.status === 202
          ? 'Abbiamo ricevuto il tuo messaggio e lo stiamo elaborando: la risposta arriverà qui.'
          : 'Non siamo riusciti a elaborare la domanda. Riprova più tardi.');
      startPolling(POLL_MS);
    } else if (response.status === 429) {
      var wait = secondsFrom(response);
      failed(entry, message, 'Hai inviato molti messaggi: riprova tra ' + wait + (wait === 1 ? ' secondo.' : ' secondi.'));
    } else if (response.status === 400) {
      failed(entry, message, 'Il messaggio non è stato accettato: scrivi un testo di al massimo 4000 caratteri e riprova.');
    } else {
      failed(entry, message, 'Lo Sportello non è disponibile in questo momento. Riprova più tardi.');
    }
  }

  // A question that did not arrive is sent again with the same id, so the server recognises a retry
  // whose first copy did arrive and answers it once.
  function send(message, entry, retried) {
    sending = true;
    hideError();
    setStatus('Lo Sportello sta scrivendo…');
    fetch('/api/v1/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      cache: 'no-store',
      body: JSON.stringify({
        id: message.id, tenant: tenant, channel: 'web', kind: 'message', author: author, text: message.text
      })
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (body) {
        answered(response, body, message, entry);
      });
    }, function () {
      if (!retried) {
        setTimeout(function () { send(message, entry, true); }, 1500);
        return;
      }
      sending = false;
      setStatus('');
      failed(entry, message, 'Non riesco a raggiungere lo Sportello: controlla la connessione e invia di nuovo.');
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    input.focus();
    if (!text) {
      showError('Scrivi la tua domanda prima di inviarla.');
      return;
    }
    if (sending) {
      return;
    }
    var id = pending && pending.text === text ? pending.id : 'web-' + randomToken(24);
    pending = { id: id, text: text };
    var entry = add('user', text);
    input.value = '';
    save('localStorage', 'asked', '1');
    send(pending, entry, false);
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.ctrlKey && !event.altKey
        && !event.metaKey) {
      event.preventDefault();
      if (typeof form.requestSubmit === 'function') {
        form.requestSubmit();
      } else {
        form.dispatchEvent(new Event('submit', { cancelable: true }));
      }
    }
  });

  // ---- operators' replies ----

  var polling = false;
  var inFlight = false;
  var timer = null;
  var delay = POLL_MS;

  function schedule(ms) {
    clearTimeout(timer);
    timer = document.hidden ? null : setTimeout(poll, ms);
  }

  function slower(ms) {
    delay = Math.min(MAX_POLL_MS, Math.max(ms, delay * 2));
  }

  function poll() {
    timer = null;
    if (document.hidden || inFlight) {
      return;
    }
    inFlight = true;
    fetch('/api/v1/replies?author=' + encodeURIComponent(author) + '&after=' + after, {
      headers: { 'Accept': 'application/json' },
      cache: 'no-store'
    }).then(function (response) {
      if (response.status === 429) {
        slower(secondsFrom(response) * 1000);
        return null;
      }
      if (!response.ok) {
        slower(POLL_MS);
        return null;
      }
      return response.json().then(function (body) {
        (body && Array.isArray(body.replies) ? body.replies : []).forEach(function (r) {
          if (typeof r.id === 'number' && r.id > after && typeof r.text === 'string' && r.text.trim()) {
            add('operator', r.text);
            after = r.id;
          }
        });
        save('localStorage', 'after', String(after));
        delay = POLL_MS;
      });
    }).catch(function () {
      slower(POLL_MS);
    }).then(function () {
      inFlight = false;
      schedule(delay);
    });
  }

  function startPolling(first) {
    if (!polling) {
      polling = true;
      schedule(first);
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (!polling) {
      return;
    }
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
    } else if (!inFlight) {
      schedule(250);
    }
  });

  restore();
  if (load('localStorage', 'asked') === '1') {
    startPolling(500);
  }
})();

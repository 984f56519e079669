// The Ferry chat page: joins /chat/{room}?name=..., shows what the server pushes, sends what is typed.
// Text from the server is only ever set with textContent, never as HTML.
// When the connection ends other than by "Leave" or a refusal (the server stopped, the network
// dropped), the page connects again after 0.5 s, then 1, 2, 4 and 8 s (at most 10 s) between
// tries; behind a load balancer that reaches another node, which serves the same rooms.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let socket = null;
  let joined = null;          // { room, name } while the user wants to be in a room
  let retryDelay = 500;       // the next reconnect's wait, doubled after each failed try
  let retryTimer = null;
  // Closes after which connecting again would be refused again: 1008 (policy) and 1003 (data).
  const FINAL = new Set([1000, 1003, 1008]);

  const params = new URLSearchParams(location.search);
  if (params.get('room')) { $('room').value = params.get('room'); }
  if (params.get('name')) { $('name').value = params.get('name'); }

  function time(millis) {
    return new Date(millis).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function add(className, parts) {
    const li = document.createElement('li');
    li.className = className;
    for (const [cls, text] of parts) {
      if (li.firstChild) { li.appendChild(document.createTextNode(' ')); } // so copied text reads well
      const span = document.createElement('span');
      span.className = cls;
      span.textContent = text;
      li.appendChild(span);
    }
    const list = $('messages');
    list.appendChild(li);
    list.scrollTop = list.scrollHeight;
  }

  function connected(yes) {
    $('join').disabled = yes;
    $('leave').disabled = !yes;
    $('name').disabled = yes;
    $('room').disabled = yes;
    $('text').disabled = !yes;
    $('send').disabled = !yes;
    if (yes) { $('text').focus(); }
  }

  const handlers = {
    welcome(m) {
      $('status').textContent = 'Connected to room ' + m.room + ' as ' + m.you + '.';
      $('compression').textContent = m.extensions || 'none';
      $('node').textContent = m.node || '';
    },
    say(m) {
      add('message' + (m.replay ? ' replay' : ''),
          [['time', time(m.time)], ['from', m.from + ':'], ['text', m.text]]);
    },
    join(m) { add('notice', [['time', time(m.time)], ['text', m.name + ' joined']]); },
    leave(m) { add('notice', [['time', time(m.time)], ['text', m.name + ' left']]); },
    online(m) { $('online').textContent = String(m.count); },
    error(m) { add('error', [['text', 'Refused: ' + m.text]]); }
  };

  function connect() {
    retryTimer = null;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = scheme + '//' + location.host + '/chat/' + encodeURIComponent(joined.room)
        + '?name=' + encodeURIComponent(joined.name);
    $('status').textContent = 'Connecting…';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryDelay = 500;
      $('messages').replaceChildren(); // the welcome brings the history again
      connected(true);
    };
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      const handler = handlers[message.type];
      if (handler) { handler(message); }
    };
    ws.onclose = (event) => {
      if (socket !== ws) { return; }
      socket = null;
      connected(false);
      $('online').textContent = '0';
      $('node').textContent = '';
      const why = event.code + (event.reason ? ': ' + event.reason : '');
      if (joined && !FINAL.has(event.code)) {
        const seconds = retryDelay / 1000;
        $('status').textContent = 'Disconnected (' + why + '); reconnecting in ' + seconds + ' s…';
        retryTimer = setTimeout(connect, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 10000);
        $('leave').disabled = false; // leaving stops the reconnecting
      } else {
        joined = null;
        $('status').textContent = 'Disconnected (' + why + ').';
      }
    };
  }

  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (socket || joined) { return; }
    joined = { room: $('room').value.trim(), name: $('name').value.trim() };
    $('messages').replaceChildren();
    retryDelay = 500;
    connect();
  });

  $('leave').addEventListener('click', () => {
    joined = null;
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
      connected(false);
      $('status').textContent = 'Not connected.';
    }
    if (socket) { socket.close(1000, 'Left'); }
  });

  $('say-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('text').value.trim();
    if (!socket || socket.readyState !== WebSocket.OPEN || text === '') { return; }
    socket.send(JSON.stringify({ type: 'say', text: text }));
    $('text').value = '';
  });
}());

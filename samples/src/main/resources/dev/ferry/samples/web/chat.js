// The Ferry chat page: joins /chat/{room}?name=..., shows what the server pushes, sends what is typed.
// Text from the server is only ever set with textContent, never as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let socket = null;

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

  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (socket) { return; }
    const room = $('room').value.trim();
    const name = $('name').value.trim();
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = scheme + '//' + location.host + '/chat/' + encodeURIComponent(room)
        + '?name=' + encodeURIComponent(name);
    $('messages').replaceChildren();
    $('status').textContent = 'Connecting…';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => connected(true);
    ws.onmessage = (event) => {
      const message = JSON.parse(event.data);
      const handler = handlers[message.type];
      if (handler) { handler(message); }
    };
    ws.onclose = (event) => {
      if (socket === ws) { socket = null; }
      connected(false);
      $('online').textContent = '0';
      $('status').textContent = 'Disconnected (' + event.code + (event.reason ? ': ' + event.reason : '') + ').';
    };
  });

  $('leave').addEventListener('click', () => { if (socket) { socket.close(1000, 'Left'); } });

  $('say-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('text').value.trim();
    if (!socket || socket.readyState !== WebSocket.OPEN || text === '') { return; }
    socket.send(JSON.stringify({ type: 'say', text: text }));
    $('text').value = '';
  });
}());

// The network view of a monitoring run: the edges inside groups drawn with Cytoscape.js (from its WebJar),
// each group a colour and a circle of its members; groups laid out on a grid so that thousands of nodes
// appear at once (no force simulation). Clicking an account shows it and its group; the legend opens a group.
(function () {
  'use strict';
  var container = document.getElementById('network-graph');
  if (!container || !window.cytoscape) { return; }
  var PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  var groupUrl = container.getAttribute('data-group-url');

  function colour(group) { return group === null || group === undefined ? '#999999' : PALETTE[group % PALETTE.length]; }

  function layout(nodes) {
    var byGroup = {};
    nodes.forEach(function (n) {
      var key = n.group === null || n.group === undefined ? -1 : n.group;
      (byGroup[key] = byGroup[key] || []).push(n);
    });
    var keys = Object.keys(byGroup).map(Number).sort(function (a, b) { return a - b; });
    var columns = Math.ceil(Math.sqrt(keys.length));
    var positions = {};
    var cell = 0;
    keys.forEach(function (key, index) {
      var members = byGroup[key];
      var radius = Math.max(30, members.length * 6);
      cell = Math.max(cell, 2 * radius + 80);
      members.forEach(function (n, i) {
        var angle = 2 * Math.PI * i / members.length;
        positions[n.accountId] = { index: index, x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
      });
    });
    Object.keys(positions).forEach(function (id) {
      var p = positions[id];
      p.x += (p.index % columns) * cell;
      p.y += Math.floor(p.index / columns) * cell;
    });
    return { positions: positions, groups: keys };
  }

  function text(tag, content) {
    var element = document.createElement(tag);
    element.textContent = content;
    return element;
  }

  function select(data) {
    var panel = document.getElementById('network-selection');
    panel.textContent = '';
    panel.appendChild(text('h3', container.getAttribute('data-label-account') + ' ' + data.id));
    var facts = document.createElement('dl');
    facts.className = 'facts';
    [['data-label-platform', data.platform || '—'], ['data-label-score', data.score.toFixed(3)], ['data-label-posts', data.posts]]
      .forEach(function (pair) {
        facts.appendChild(text('dt', container.getAttribute(pair[0])));
        facts.appendChild(text('dd', String(pair[1])));
      });
    panel.appendChild(facts);
    if (data.group !== null && data.group !== undefined) {
      var link = text('a', container.getAttribute('data-label-open') + ' ' + data.group);
      link.href = groupUrl + data.group;
      link.id = 'network-selected-group';
      panel.appendChild(link);
    }
  }

  fetch(container.getAttribute('data-network'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) { return response.json(); })
    .then(function (network) {
      var placed = layout(network.nodes);
      var elements = network.nodes.map(function (n) {
        return { group: 'nodes', data: { id: n.accountId, group: n.group, platform: n.platform, score: n.score, posts: n.posts,
          colour: colour(n.group), size: 8 + 16 * n.score }, position: placed.positions[n.accountId] };
      }).concat(network.edges.map(function (e, i) {
        return { group: 'edges', data: { id: 'e' + i, source: e.source, target: e.target, weight: e.weight, colour: colour(e.group) } };
      }));
      var cy = window.cytoscape({
        container: container,
        elements: elements,
        layout: { name: 'preset' },
        textureOnViewport: network.nodes.length > 2000,
        hideEdgesOnViewport: network.edges.length > 2000,
        style: [
          { selector: 'node', style: { 'background-color': 'data(colour)', width: 'data(size)', height: 'data(size)' } },
          { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#000000', label: 'data(id)', 'font-size': 10 } },
          { selector: 'edge', style: { 'line-color': 'data(colour)', width: 1, opacity: 0.5 } }
        ]
      });
      cy.on('tap', 'node', function (event) { select(event.target.data()); });
      var legend = document.getElementById('network-legend');
      placed.groups.filter(function (g) { return g >= 0; }).forEach(function (g) {
        var item = document.createElement('li');
        var swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.backgroundColor = colour(g);
        item.appendChild(swatch);
        var link = text('a', container.getAttribute('data-label-group') + ' ' + g);
        link.href = groupUrl + g;
        link.className = 'network-group-link';
        item.appendChild(link);
        legend.appendChild(item);
      });
      container.setAttribute('data-rendered', String(network.nodes.length));
      window.vigieNetwork = cy; // for people (and browser tests) who want to script the view from the console
    });
}());

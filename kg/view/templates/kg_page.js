// kg graph page: draws the network, then keeps it still; legend + class filter, year
// filter, search (names as written, pinyin, traditional characters), a panel with each
// entity's facts, every sentence under its article's headline and date. A big graph opens
// on an overview (kg.view.overview); a click shows a node's neighbours, a search shows the
// entity found. Article text only ever reaches the page through textContent / text nodes.
(function () {
  "use strict";
  function json(id) { return JSON.parse(document.getElementById(id).textContent); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  var kg = json("kg-data");
  var allNodes = json("kg-nodes");
  var allEdges = json("kg-edges");
  var nodes = new vis.DataSet(allNodes);
  var edges = new vis.DataSet(allEdges);
  var options = json("kg-options");
  var container = document.getElementById("mynetwork");
  var state = window.kgState = {
    expectedNodes: kg.expected.nodes, expectedEdges: kg.expected.edges,
    drawnNodes: 0, drawnEdges: 0, stable: false, drawn: false, frozen: kg.frozen, startedAt: performance.now(),
    drawnAt: null, overview: kg.overview ? kg.overview.length : 0, year: null
  };

  // ---- who is related to whom, and in which years (from the edges)
  var neighbours = {}, nodeYears = {};
  allEdges.forEach(function (e) {
    (neighbours[e.from] = neighbours[e.from] || []).push(e.to);
    (neighbours[e.to] = neighbours[e.to] || []).push(e.from);
    [e.from, e.to].forEach(function (n) {
      var ys = nodeYears[n] = nodeYears[n] || {};
      e.y.forEach(function (y) { ys[y] = true; });
    });
  });
  // ---- what the reader has asked to see: the overview (or everything), plus what was opened
  var opened = {};
  function resetOpened() {
    opened = {};
    if (kg.overview) kg.overview.forEach(function (id) { opened[id] = true; });
    else allNodes.forEach(function (n) { opened[n.id] = true; });
  }
  resetOpened();
  var hiddenCls = {};
  var groupOf = {};
  allNodes.forEach(function (n) { groupOf[n.id] = n.group; });

  var network = window.kgNetwork = new vis.Network(container, {nodes: nodes, edges: edges}, options);

  // ---- counts of what is actually drawn (the tests compare them with the graph's)
  function countDrawn() {
    var b = network.body, n = 0, m = 0, id;
    for (var i = 0; i < b.nodeIndices.length; i++) {
      id = b.nodeIndices[i];
      if (b.nodes[id] && !b.nodes[id].options.hidden) n++;
    }
    for (var j = 0; j < b.edgeIndices.length; j++) {
      id = b.edgeIndices[j];
      var e = b.edges[id];
      if (e && e.connected && !e.options.hidden && e.from && e.to && !e.from.options.hidden && !e.to.options.hidden) m++;
    }
    state.drawnNodes = n; state.drawnEdges = m;
  }
  network.on("afterDrawing", function () {
    if (!state.drawn && (state.stable || kg.frozen)) {
      state.drawn = true;
      state.drawnAt = performance.now() - state.startedAt;
    }
    countDrawn();
  });

  // ---- community groups of the overview: a light ellipse behind each
  var palette = ["#e8f0fb", "#fbeee6", "#eaf6ea", "#f5eafb", "#fbf7e2", "#e6f7f7", "#fbe9ef", "#eeeeee"];
  network.on("beforeDrawing", function (ctx) {
    if (!kg.overview) return;
    var groups = {};
    kg.overview.forEach(function (id) {
      var c = kg.community[id];
      if (c === undefined || !visible(id)) return;
      (groups[c] = groups[c] || []).push(id);
    });
    Object.keys(groups).forEach(function (c) {
      var ids = groups[c];
      if (ids.length < 3) return;
      var pos = network.getPositions(ids), x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      ids.forEach(function (id) {
        x0 = Math.min(x0, pos[id].x); x1 = Math.max(x1, pos[id].x);
        y0 = Math.min(y0, pos[id].y); y1 = Math.max(y1, pos[id].y);
      });
      // an ellipse around the members' box (labels are wide: a circle would swallow neighbours)
      ctx.beginPath();
      ctx.ellipse((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 * 1.15 + 60, (y1 - y0) / 2 * 1.15 + 40, 0, 0, 2 * Math.PI);
      ctx.fillStyle = palette[Number(c) % palette.length];
      ctx.globalAlpha = 0.55;
      ctx.fill();
      ctx.globalAlpha = 1;
    });
  });

  // ---- the meeting in the middle, physics off once the layout is stable
  function shownIds() { return Object.keys(opened).map(Number).filter(visible); }
  function centreView() {
    if (kg.overview) { network.fit({nodes: shownIds(), animation: false}); return; }
    network.fit({animation: false});
    if (kg.centre !== null && kg.centre !== undefined) {
      var p = network.getPositions([kg.centre])[kg.centre];
      if (p) network.moveTo({position: p, scale: network.getScale(), animation: false});
    }
  }
  function settle() {
    network.setOptions({physics: false});
    if (kg.centre !== null && kg.centre !== undefined) nodes.update({id: kg.centre, fixed: false});
    centreView();
    state.stable = true;
    network.redraw();
  }

  // ---- visibility: opened, class not filtered out, of the chosen year
  function visible(id) {
    if (!opened[id] || hiddenCls[groupOf[id]]) return false;
    return state.year === null || Boolean(nodeYears[id] && nodeYears[id][state.year]);
  }
  function edgeVisible(e) { return state.year === null || e.y.indexOf(state.year) >= 0; }
  function refresh() {
    var nodeChanges = [], edgeChanges = [];
    nodes.forEach(function (n) {
      var hide = !visible(n.id);
      if (Boolean(n.hidden) !== hide) nodeChanges.push({id: n.id, hidden: hide});
    });
    edges.forEach(function (e) {
      var hide = !edgeVisible(e);
      if (Boolean(e.hidden) !== hide) edgeChanges.push({id: e.id, hidden: hide});
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    updateStatus();
    if (state.shown !== undefined) show(state.shown);
  }

  // ---- opening: the neighbours of a node placed on a ring around it
  function place(around, ids) {
    var p = network.getPositions([around])[around] || {x: 0, y: 0};
    var r = Math.max(140, ids.length * 16);
    var changes = ids.map(function (id, k) {
      var a = 2 * Math.PI * k / ids.length;
      return {id: id, x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a)};
    });
    nodes.update(changes);
  }
  function expand(id) {
    var fresh = (neighbours[id] || []).filter(function (n, i, all) {
      return !opened[n] && all.indexOf(n) === i;
    });
    fresh.sort(function (a, b) { return a - b; });
    if (fresh.length) {
      place(id, fresh);
      fresh.forEach(function (n) { opened[n] = true; });
      refresh();
    }
    state.expanded = (state.expanded || 0) + 1;
    return fresh.length;
  }
  window.kgExpand = expand;
  function open(id) {
    if (opened[id]) return;
    var near = (neighbours[id] || []).filter(function (n) { return opened[n]; })[0];
    if (near !== undefined) place(near, [id]);
    else {
      var c = network.getViewPosition();
      nodes.update({id: id, x: c.x, y: c.y});
    }
    opened[id] = true;
  }

  if (kg.frozen) {
    state.stable = true;
    centreView();
  } else {
    network.once("stabilizationIterationsDone", settle);
    // a graph too small to need stabilising may never emit the event
    setTimeout(function () { if (!state.stable) { network.stopSimulation(); settle(); } }, 15000);
  }

  // ---- the panel: facts of an entity, each sentence under its article's headline and date
  var info = document.getElementById("kg-info");
  var pinned = null;
  var propNames = {term: "届 term", session: "次 session", date: "日期 date", kind: "类别 kind",
                   year: "年份 year", ordinal: "序号 ordinal", text: "内容 text", roles: "职务 roles"};
  function factYear(f) { return state.year === null || f[5].indexOf(state.year) >= 0; }
  function sources(f, li) {
    var last = null;
    f[3].forEach(function (ev) {
      var a = kg.articles[ev[1]];
      if (state.year !== null && a && a[1] && a[1].slice(0, 4) !== String(state.year)) return;  // another year's
      if (a && ev[1] !== last) {
        li.appendChild(el("div", (a[0] || "（无标题 untitled）") + (a[1] ? " · " + a[1] : ""), "kg-source"));
        last = ev[1];
      }
      li.appendChild(el("blockquote", kg.sentences[ev[0]]));
    });
  }
  function show(id) {
    var d = kg.nodes[id];
    if (!d) return;
    info.replaceChildren();
    info.appendChild(el("h2", d.label));
    if (d.pinyin) info.appendChild(el("div", d.pinyin, "kg-pinyin"));
    var style = kg.legend.filter(function (l) { return l.cls === d.cls; })[0];
    info.appendChild(el("div", style ? style.zh + " " + style.en : d.cls, "kg-cls"));
    if (d.names.length) info.appendChild(el("div", "又作 also written: " + d.names.join("、")));
    var props = el("ul");
    Object.keys(d.props).forEach(function (k) {
      var v = d.props[k];
      if (k === "main" || v === null || v === false) return;
      if (k === "attendance") {
        v.forEach(function (a) {
          var t = "出席 attendance: " + (a.present !== undefined ? a.present : "?") + "/" +
                  (a.expected !== undefined ? a.expected : "?");
          if (a.expected && a.present !== undefined) t += " (" + (100 * a.present / a.expected).toFixed(1) + "%)";
          if (a.absent !== undefined) t += ", 缺席 absent " + a.absent;
          props.appendChild(el("li", t));
        });
        return;
      }
      props.appendChild(el("li", (propNames[k] || k) + ": " + (Array.isArray(v) ? v.join("、") : v)));
    });
    if (props.childNodes.length) info.appendChild(props);
    var facts = d.facts.filter(factYear);
    var heading = "事实 facts (" + (d.facts.length + d.more) + ")";
    if (state.year !== null) heading = "事实 facts " + state.year + " (" + facts.length + ")";
    info.appendChild(el("h3", heading));
    var list = el("ul");
    facts.forEach(function (f) {
      var li = el("li", null, "kg-fact");
      li.appendChild(el("span", f[2] ? (f[0] + " → " + f[1]) : (f[1] + " → " + f[0])));
      sources(f, li);
      list.appendChild(li);
    });
    if (d.more) list.appendChild(el("li", "… " + d.more + " more"));
    info.appendChild(list);
    var hidden = (neighbours[id] || []).filter(function (n) { return !opened[n]; });
    if (hidden.length) {
      var more = el("button", "显示相邻的 " + hidden.length + " 个实体 show " + hidden.length + " neighbours");
      more.addEventListener("click", function () { expand(id); });
      info.appendChild(more);
    }
    info.appendChild(el("div", d.iri, "kg-cls"));
    state.shown = id;
  }
  network.on("click", function (p) {
    if (p.nodes.length) {
      pinned = p.nodes[0];
      if (kg.overview) expand(pinned);
      show(pinned);
    } else { pinned = null; }
  });
  network.on("hoverNode", function (p) { if (pinned === null) show(p.node); });

  // ---- legend, which is also the filter by class
  var legend = document.getElementById("kg-legend");
  kg.legend.forEach(function (l) {
    var label = el("label");
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.value = l.cls;
    box.setAttribute("data-cls", l.cls);
    var sw = el("span", null, "kg-swatch " + l.shape); sw.style.background = l.color;
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(document.createTextNode(l.zh + " " + l.en + " (" + l.count + ")"));
    box.addEventListener("change", function () { filterClass(l.cls, !box.checked); });
    legend.appendChild(label);
  });
  function filterClass(cls, hide) {
    hiddenCls[cls] = hide;
    refresh();
  }
  window.kgFilterClass = filterClass;

  // ---- the year filter: facts of the articles of one year (articles with a date)
  var yearBox = document.getElementById("kg-year");
  if (kg.years.length) {
    kg.years.forEach(function (y) { var o = el("option", String(y)); o.value = String(y); yearBox.appendChild(o); });
    yearBox.addEventListener("change", function () { filterYear(yearBox.value ? Number(yearBox.value) : null); });
  } else {
    yearBox.disabled = true;
  }
  function filterYear(year) {
    state.year = year;
    yearBox.value = year === null ? "" : String(year);
    refresh();
  }
  window.kgFilterYear = filterYear;

  // ---- overview again
  document.getElementById("kg-reset").addEventListener("click", function () {
    resetOpened();
    pinned = null;
    refresh();
    centreView();
  });

  // ---- search: name as written (traditional read as simplified), pinyin, then part of a name
  var datalist = document.getElementById("kg-names");
  var byLabel = {};
  var rankOf = {};
  (kg.overview || []).forEach(function (id, k) { rankOf[id] = k; });
  Object.keys(kg.nodes).forEach(function (id) {
    var d = kg.nodes[id];
    [d.label].concat(d.names).forEach(function (name) {
      if (!(name in byLabel)) { byLabel[name] = Number(id); datalist.appendChild(el("option", null)).value = name; }
    });
  });
  function simplified(q) {
    var out = "";
    for (var i = 0; i < q.length; i++) out += kg.traditional[q[i]] || q[i];
    return out;
  }
  function fold(q) {
    return q.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]/g, "");
  }
  function better(a, b) {  // the more central of two matches (overview rank, then id)
    if (b === undefined) return a;
    var ra = rankOf[a] === undefined ? 1e9 : rankOf[a], rb = rankOf[b] === undefined ? 1e9 : rankOf[b];
    return ra < rb || (ra === rb && a < b) ? a : b;
  }
  function byPinyin(q) {
    var f = fold(q), exact, initials, prefix;
    if (!f) return undefined;
    Object.keys(kg.pinyin).forEach(function (id) {
      var k = kg.pinyin[id], n = Number(id);
      if (k[0] === f) exact = better(n, exact);
      else if (k[1] === f) initials = better(n, initials);
      else if (k[0].indexOf(f) === 0) prefix = better(n, prefix);
    });
    return exact !== undefined ? exact : initials !== undefined ? initials : prefix;
  }
  var msg = document.getElementById("kg-search-msg");
  function find(q) {
    var s = simplified(q), id = byLabel[q];
    if (id === undefined) id = byLabel[s];
    if (id === undefined && /[a-zA-Z]/.test(q)) id = byPinyin(q);
    if (id === undefined) {
      var keys = Object.keys(byLabel).sort();
      for (var i = 0; i < keys.length; i++) if (keys[i].indexOf(s) >= 0) { id = byLabel[keys[i]]; break; }
    }
    return id;
  }
  function search(q) {
    q = q.trim();
    msg.textContent = "";
    if (!q) return null;
    var id = find(q);
    if (id === undefined) { msg.textContent = "未找到 not found"; return null; }
    if (hiddenCls[groupOf[id]]) { hiddenCls[groupOf[id]] = false; syncBoxes(); }
    if (state.year !== null && !(nodeYears[id] && nodeYears[id][state.year])) filterYear(null);
    open(id);
    refresh();
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: false});
    pinned = id;
    show(id);
    return id;
  }
  function syncBoxes() {
    legend.querySelectorAll("input").forEach(function (b) { b.checked = !hiddenCls[b.value]; });
  }
  window.kgSearch = search;
  var input = document.getElementById("kg-search");
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") search(input.value); });
  input.addEventListener("change", function () { search(input.value); });

  var status = document.getElementById("kg-status");
  function updateStatus() {
    var shown = 0;
    nodes.forEach(function (n) { if (!n.hidden) shown++; });
    status.textContent = shown + "/" + kg.expected.nodes + " 实体 entities · " + kg.expected.edges + " 关系 relations";
  }
  updateStatus();
})();

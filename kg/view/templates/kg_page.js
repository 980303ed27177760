// kg graph page: draws the network, then keeps it still; legend + class filter, search,
// and a panel with each entity's facts. Article text only ever reaches the page through
// textContent / text nodes, never as HTML.
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
  var nodes = new vis.DataSet(json("kg-nodes"));
  var edges = new vis.DataSet(json("kg-edges"));
  var options = json("kg-options");
  var container = document.getElementById("mynetwork");
  var state = window.kgState = {
    expectedNodes: kg.expected.nodes, expectedEdges: kg.expected.edges,
    drawnNodes: 0, drawnEdges: 0, stable: false, drawn: false, frozen: kg.frozen, startedAt: performance.now(),
    drawnAt: null
  };
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

  // ---- the meeting in the middle, physics off once the layout is stable
  function centreView() {
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
  if (kg.frozen) {
    state.stable = true;
    centreView();
  } else {
    network.once("stabilizationIterationsDone", settle);
    // a graph too small to need stabilising may never emit the event
    setTimeout(function () { if (!state.stable) { network.stopSimulation(); settle(); } }, 15000);
  }

  // ---- the panel: facts of an entity and the sentences they came from
  var info = document.getElementById("kg-info");
  var pinned = null;
  var propNames = {term: "届 term", session: "次 session", date: "日期 date", kind: "类别 kind",
                   year: "年份 year", ordinal: "序号 ordinal", text: "内容 text", roles: "职务 roles"};
  function show(id) {
    var d = kg.nodes[id];
    if (!d) return;
    info.replaceChildren();
    info.appendChild(el("h2", d.label));
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
    info.appendChild(el("h3", "事实 facts (" + (d.facts.length + d.more) + ")"));
    var list = el("ul");
    d.facts.forEach(function (f) {
      var li = el("li", f[2] ? (f[0] + " → " + f[1]) : (f[1] + " → " + f[0]));
      f[3].forEach(function (s) { li.appendChild(el("blockquote", kg.sentences[s])); });
      list.appendChild(li);
    });
    if (d.more) list.appendChild(el("li", "… " + d.more + " more"));
    info.appendChild(list);
    info.appendChild(el("div", d.iri, "kg-cls"));
    state.shown = id;
  }
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = p.nodes[0]; show(pinned); } else { pinned = null; }
  });
  network.on("hoverNode", function (p) { if (pinned === null) show(p.node); });

  // ---- legend, which is also the filter by class
  var hidden = {};
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
    hidden[cls] = hide;
    var changes = [];
    nodes.forEach(function (n) {
      if (n.group === cls) changes.push({id: n.id, hidden: hide});
    });
    nodes.update(changes);
    updateStatus();
  }
  window.kgFilterClass = filterClass;

  // ---- search: exact name, other written form, then part of a name
  var datalist = document.getElementById("kg-names");
  var byLabel = {};
  Object.keys(kg.nodes).forEach(function (id) {
    var d = kg.nodes[id];
    [d.label].concat(d.names).forEach(function (name) {
      if (!(name in byLabel)) { byLabel[name] = Number(id); datalist.appendChild(el("option", null)).value = name; }
    });
  });
  var msg = document.getElementById("kg-search-msg");
  function search(q) {
    q = q.trim();
    msg.textContent = "";
    if (!q) return null;
    var id = byLabel[q];
    if (id === undefined) {
      var keys = Object.keys(byLabel).sort();
      for (var i = 0; i < keys.length; i++) if (keys[i].indexOf(q) >= 0) { id = byLabel[keys[i]]; break; }
    }
    if (id === undefined) { msg.textContent = "未找到 not found"; return null; }
    var n = nodes.get(id);
    if (n && n.hidden) filterClass(n.group, false), syncBoxes();
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: false});
    pinned = id;
    show(id);
    return id;
  }
  function syncBoxes() {
    legend.querySelectorAll("input").forEach(function (b) { b.checked = !hidden[b.value]; });
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
